using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>One PDU as it came off the wire.</summary>
internal sealed record WirePdu(byte Type, byte[] Body);

/// <summary>What the SCP sent back, up to its first decisive PDU, and whether it closed the connection.</summary>
internal sealed record Outcome(IReadOnlyList<WirePdu> Pdus, bool Closed)
{
    public WirePdu? First(byte type) => Pdus.FirstOrDefault(p => p.Type == type);

    public override string ToString() =>
        (Pdus.Count == 0 ? "no PDU" : string.Join(", ", Pdus.Select(p => $"type 0x{p.Type:X2} [{Convert.ToHexString(p.Body.AsSpan(0, Math.Min(p.Body.Length, 12)))}]")))
        + (Closed ? ", then closed" : ", connection open");
}

/// <summary>A raw TCP client that sends exact bytes to the SCP and reads whole PDUs back, never parsing with our stack.</summary>
internal sealed class RawPeer : IDisposable
{
    private readonly Socket _socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    public int BytesSent { get; private set; }

    public static async Task<RawPeer> ConnectAsync(int port)
    {
        var peer = new RawPeer();
        await peer._socket.ConnectAsync(IPAddress.Loopback, port);
        return peer;
    }

    /// <summary>Sends; false if the SCP had already closed (an accepted outcome: it refused to read more).</summary>
    public async Task<bool> SendAsync(byte[] bytes)
    {
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None);
            BytesSent += bytes.Length;
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void HalfClose() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads PDUs until a decisive one (A-ASSOCIATE-AC/RJ, A-RELEASE-RP, A-ABORT, or a P-DATA-TF that ends a
    /// command), the close, or <paramref name="bound"/> of silence.
    /// </summary>
    public async Task<Outcome> ObserveAsync(TimeSpan bound)
    {
        var pdus = new List<WirePdu>();
        using var cts = new CancellationTokenSource(bound);
        try
        {
            while (true)
            {
                var header = await ReadExactAsync(6, cts.Token);
                if (header is null)
                {
                    return new Outcome(pdus, true);
                }

                var body = await ReadExactAsync((int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2)), cts.Token);
                if (body is null)
                {
                    return new Outcome(pdus, true);
                }

                pdus.Add(new WirePdu(header[0], body));
                if (header[0] is 0x02 or 0x03 or 0x06 or 0x07 || (header[0] == 0x04 && DimseReply.EndsCommand(body)))
                {
                    return new Outcome(pdus, false);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return new Outcome(pdus, false);
        }
    }

    /// <summary>True once the SCP has closed the connection (EOF or reset) within <paramref name="bound"/>.</summary>
    public async Task<bool> ClosedWithinAsync(TimeSpan bound)
    {
        using var cts = new CancellationTokenSource(bound);
        var buffer = new byte[4096];
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task<byte[]?> ReadExactAsync(int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var done = 0;
        while (done < count)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(buffer.AsMemory(done), SocketFlags.None, ct);
            }
            catch (SocketException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            done += n;
        }

        return buffer;
    }
}
