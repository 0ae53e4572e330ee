using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// The whole-process raw TCP baseline, two modes of this program: <c>goals raw-receive PORT BYTES</c> accepts one
/// connection on loopback, reads and discards BYTES in 1 MB reads, answers one byte and exits;
/// <c>goals raw-send PORT DIR</c> reads every file of DIR (as <c>conformance store DIR</c> does) and writes its
/// bytes in 1 MB writes, then waits for that byte, so the sender's exit means everything arrived, as a
/// storing SCU's exit means its last response came back.
/// </summary>
public static class RawTcpTool
{
    public static bool Handles(IReadOnlyList<string> args) => args.Count == 3 && args[0] is "raw-receive" or "raw-send";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(args);
        var port = int.Parse(args[1], NumberStyles.None, CultureInfo.InvariantCulture);
        if (args[0] == "raw-receive")
        {
            await ReceiveAsync(port, long.Parse(args[2], NumberStyles.None, CultureInfo.InvariantCulture), ct).ConfigureAwait(false);
        }
        else
        {
            await SendAsync(port, args[2], ct).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>The bytes <c>raw-send DIR</c> writes: every file of the directory, whole.</summary>
    public static long BytesOf(string directory) => Directory.EnumerateFiles(directory).Sum(f => new FileInfo(f).Length);

    private static async Task ReceiveAsync(int port, long totalBytes, CancellationToken ct)
    {
        using var listener = RawTcpSockets.Listen(port);
        using var socket = await listener.AcceptAsync(ct).ConfigureAwait(false);
        await RawTcpSockets.DiscardAsync(socket, totalBytes, ct).ConfigureAwait(false);
        await socket.SendAsync(new byte[1], SocketFlags.None, ct).ConfigureAwait(false);
    }

    private static async Task SendAsync(int port, string directory, CancellationToken ct)
    {
        using var socket = RawTcpSockets.Sender();
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct).ConfigureAwait(false);
        var buffer = new byte[RawTcpSockets.ChunkSize];
        var filled = 0;
        foreach (var path in Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal))
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, useAsync: false);
            int n;
            while ((n = file.Read(buffer, filled, buffer.Length - filled)) > 0)
            {
                filled += n;
                if (filled == buffer.Length)
                {
                    await RawTcpSockets.SendAllAsync(socket, buffer.AsMemory(0, filled), ct).ConfigureAwait(false);
                    filled = 0;
                }
            }
        }

        await RawTcpSockets.SendAllAsync(socket, buffer.AsMemory(0, filled), ct).ConfigureAwait(false);
        var ack = new byte[1];
        if (await socket.ReceiveAsync(ack, SocketFlags.None, ct).ConfigureAwait(false) != 1)
        {
            throw new EndOfStreamException("raw-send: the receiver closed without confirming");
        }
    }
}
