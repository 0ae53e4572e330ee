using System.Diagnostics;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// The baseline: our own two sockets on loopback (<see cref="RawTcpSockets"/>), a sender writing <c>totalBytes</c> in 1 MB
/// writes and a receiver that discards them. Timed from the first write to the last byte received.
/// Kernel socket buffers left as they are, Nagle off (irrelevant for large writes).
/// </summary>
public static class RawTcpBaseline
{
    public static async Task<RunResult> RunAsync(long totalBytes, int images, CancellationToken ct)
    {
        using var listener = RawTcpSockets.Listen(0);
        using var sender = RawTcpSockets.Sender();
        var accepting = listener.AcceptAsync(ct);
        await sender.ConnectAsync(listener.LocalEndPoint!, ct).ConfigureAwait(false);
        using var receiver = await accepting.ConfigureAwait(false);

        var payload = new byte[RawTcpSockets.ChunkSize];
        Random.Shared.NextBytes(payload);
        var started = Stopwatch.GetTimestamp();
        var receiving = Task.Run(() => RawTcpSockets.DiscardAsync(receiver, totalBytes, ct), ct);
        for (long sent = 0; sent < totalBytes; sent += RawTcpSockets.ChunkSize)
        {
            await RawTcpSockets.SendAllAsync(sender, payload.AsMemory(0, (int)Math.Min(RawTcpSockets.ChunkSize, totalBytes - sent)), ct).ConfigureAwait(false);
        }

        await receiving.ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new RunResult(seconds, images, totalBytes, []);
    }
}
