using System.Net;
using System.Net.Sockets;

namespace Conformance.Benchmarks.Shared;

/// <summary>
/// The raw TCP baseline's two ends, shared by the in-process baseline and the two-process one: a loopback
/// listener, a sender that writes whole buffers (1 MB writes, Nagle off) and a receiver that discards into a 1 MB buffer.
/// </summary>
public static class RawTcpSockets
{
    public const int ChunkSize = 1024 * 1024;

    /// <summary>A listener on 127.0.0.1 (<paramref name="port"/> 0: any free port) for one connection.</summary>
    public static Socket Listen(int port)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
            listener.Listen(1);
            return listener;
        }
        catch
        {
            listener.Dispose();
            throw;
        }
    }

    public static Socket Sender() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    /// <summary>Reads and drops exactly <paramref name="totalBytes"/>; the sender closing early is an error that says how far it got.</summary>
    public static async Task DiscardAsync(Socket socket, long totalBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var buffer = new byte[ChunkSize];
        long received = 0;
        while (received < totalBytes)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, ct).ConfigureAwait(false);
            received += n > 0 ? n : throw new EndOfStreamException($"raw TCP: the sender closed after {received} of {totalBytes} bytes");
        }
    }

    public static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, SocketFlags.None, ct).ConfigureAwait(false)..];
        }
    }
}
