using System.Buffers.Binary;

namespace Conformance.Unit.Tests.Harness.Scenarios.Wire;

/// <summary>
/// Writes a pcap file (Ethernet, microsecond stamps) of one TCP connection between a client on port 40000 and
/// a server on <see cref="ServerPort"/>, keeping each side's sequence numbers, so tests can script what the
/// wire showed: handshakes with MSS and window scale, DICOM PDUs, bare ACKs, small windows, idle gaps.
/// </summary>
internal sealed class SyntheticCapture
{
    public const int ServerPort = 11112;
    private const int ClientPort = 40000;
    private readonly List<(double Ms, byte[] Frame)> packets = [];
    private uint clientSeq = 1000;
    private uint serverSeq = 5000;

    public SyntheticCapture Handshake(double ms, ushort mss = 1460, byte scale = 7)
    {
        Add(ms, client: true, TcpFlags.Syn, 64240, [], Options(mss, scale));
        clientSeq++;
        Add(ms + 0.05, client: false, TcpFlags.Syn | TcpFlags.Ack, 65160, [], Options(mss, scale));
        serverSeq++;
        return Add(ms + 0.1, client: true, TcpFlags.Ack, 502, [], []);
    }

    /// <summary>A data segment; <paramref name="payload"/> may be a PDU or part of one.</summary>
    public SyntheticCapture Data(double ms, bool client, byte[] payload, ushort window = 502) =>
        Add(ms, client, TcpFlags.Ack | TcpFlags.Push, window, payload, []);

    public SyntheticCapture BareAck(double ms, bool client, ushort window = 502) => Add(ms, client, TcpFlags.Ack, window, [], []);

    /// <summary>A segment the capture missed: the sequence numbers move on, nothing is written.</summary>
    public SyntheticCapture Missed(bool client, int length)
    {
        if (client)
        {
            clientSeq += (uint)length;
        }
        else
        {
            serverSeq += (uint)length;
        }

        return this;
    }

    /// <summary>The same frame again, as -i any shows a bridged packet on the bridge port and on the bridge.</summary>
    public SyntheticCapture Duplicate(double ms)
    {
        packets.Add((ms, packets[^1].Frame));
        return this;
    }

    public static byte[] Pdu(byte type, int bodyLength, byte control = 0)
    {
        var pdu = new byte[6 + bodyLength];
        pdu[0] = type;
        BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(2), (uint)bodyLength);
        if (type == 4)
        {
            BinaryPrimitives.WriteUInt32BigEndian(pdu.AsSpan(6), (uint)(bodyLength - 4));
            pdu[10] = 1;
            pdu[11] = control;
        }

        return pdu;
    }

    public string Write(string path)
    {
        using var file = File.Create(path);
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xa1b2c3d4);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), 1);
        file.Write(header);
        foreach (var (ms, frame) in packets)
        {
            var record = new byte[16];
            var micros = (long)(ms * 1000) + 1_700_000_000_000_000;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)frame.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)frame.Length);
            file.Write(record);
            file.Write(frame);
        }

        return path;
    }

    private static byte[] Options(ushort mss, byte scale) => [2, 4, (byte)(mss >> 8), (byte)mss, 1, 3, 3, scale, 0, 0, 0, 0];

    private SyntheticCapture Add(double ms, bool client, byte flags, ushort window, byte[] payload, byte[] options)
    {
        var tcpLength = 20 + options.Length;
        var frame = new byte[14 + 20 + tcpLength + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x0800);
        var ip = frame.AsSpan(14);
        ip[0] = 0x45;
        BinaryPrimitives.WriteUInt16BigEndian(ip[2..], (ushort)(20 + tcpLength + payload.Length));
        ip[9] = 6;
        byte[] clientAddress = [198, 19, 1, 1];
        byte[] serverAddress = [198, 19, 1, 2];
        (client ? clientAddress : serverAddress).CopyTo(ip[12..]);
        (client ? serverAddress : clientAddress).CopyTo(ip[16..]);
        var tcp = ip[20..];
        BinaryPrimitives.WriteUInt16BigEndian(tcp, (ushort)(client ? ClientPort : ServerPort));
        BinaryPrimitives.WriteUInt16BigEndian(tcp[2..], (ushort)(client ? ServerPort : ClientPort));
        BinaryPrimitives.WriteUInt32BigEndian(tcp[4..], client ? clientSeq : serverSeq);
        BinaryPrimitives.WriteUInt32BigEndian(tcp[8..], client ? serverSeq : clientSeq);
        tcp[12] = (byte)((tcpLength / 4) << 4);
        tcp[13] = flags;
        BinaryPrimitives.WriteUInt16BigEndian(tcp[14..], window);
        options.CopyTo(tcp[20..]);
        payload.CopyTo(tcp[tcpLength..]);
        if (client)
        {
            clientSeq += (uint)payload.Length;
        }
        else
        {
            serverSeq += (uint)payload.Length;
        }

        packets.Add((ms, frame));
        return this;
    }

    private static class TcpFlags
    {
        public const byte Syn = 0x02;
        public const byte Push = 0x08;
        public const byte Ack = 0x10;
    }
}
