using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// The baseline: our own two sockets on loopback, a sender writing <c>totalBytes</c> in 1 MB writes and
/// a receiver that discards into a 1 MB buffer. Timed from the first write to the last byte received.
/// Kernel socket buffers left as they are, Nagle off (irrelevant for large writes).
/// </summary>
public static class RawTcpBaseline
{
    private const int ChunkSize = 1024 * 1024;

    public static async Task<RunResult> RunAsync(long totalBytes, int images, CancellationToken ct)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var accepting = listener.AcceptAsync(ct);
        await sender.ConnectAsync(listener.LocalEndPoint!, ct).ConfigureAwait(false);
        using var receiver = await accepting.ConfigureAwait(false);

        var payload = new byte[ChunkSize];
        Random.Shared.NextBytes(payload);
        var started = Stopwatch.GetTimestamp();
        var receiving = Task.Run(() => DiscardAsync(receiver, totalBytes, ct), ct);
        long sent = 0;
        while (sent < totalBytes)
        {
            var n = (int)Math.Min(ChunkSize, totalBytes - sent);
            sent += await sender.SendAsync(payload.AsMemory(0, n), SocketFlags.None, ct).ConfigureAwait(false);
        }

        await receiving.ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new RunResult(seconds, images, totalBytes, []);
    }

    private static async Task DiscardAsync(Socket socket, long totalBytes, CancellationToken ct)
    {
        var buffer = new byte[ChunkSize];
        long received = 0;
        while (received < totalBytes)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
            if (n == 0)
            {
                throw new EndOfStreamException($"Sender closed after {received} of {totalBytes} bytes");
            }

            received += n;
        }
    }
}
