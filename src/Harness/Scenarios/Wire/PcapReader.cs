using System.Buffers.Binary;
using System.Net;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// Reads the IPv4 TCP segments out of a classic pcap file (what tcpdump -w writes), microsecond or
/// nanosecond stamps, on the link types tcpdump uses here: Ethernet, Linux cooked v1/v2 (-i any), raw IP.
/// </summary>
public static class PcapReader
{
    private const uint MicroMagic = 0xa1b2c3d4;
    private const uint NanoMagic = 0xa1b23c4d;

    public static IReadOnlyList<TcpSegment> ReadTcp(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 24)
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is no pcap file (tcpdump wrote nothing?)");
        }

        var magic = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        if (magic is not (MicroMagic or NanoMagic))
        {
            throw new InvalidDataException($"{path}: not a little-endian pcap file (magic 0x{magic:x8})");
        }

        var ticksPerFraction = magic == NanoMagic ? 0.01 : 10.0;
        var linkType = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(20));
        var segments = new List<TcpSegment>();
        var offset = 24;
        TimeSpan? first = null;
        while (offset + 16 <= bytes.Length)
        {
            var header = bytes.AsSpan(offset, 16);
            var seconds = BinaryPrimitives.ReadUInt32LittleEndian(header);
            var fraction = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
            var captured = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
            offset += 16;
            if (offset + captured > bytes.Length)
            {
                break; // the last record was cut short when tcpdump stopped
            }

            var stamp = TimeSpan.FromSeconds(seconds) + TimeSpan.FromTicks((long)(fraction * ticksPerFraction));
            first ??= stamp;
            var packet = new ReadOnlyMemory<byte>(bytes, offset, captured);
            offset += captured;
            if (IpPayload(packet, linkType) is { } ip && Parse(stamp - first.Value, ip) is { } segment)
            {
                segments.Add(segment);
            }
        }

        return segments;
    }

    private static ReadOnlyMemory<byte>? IpPayload(ReadOnlyMemory<byte> packet, uint linkType)
    {
        var (skip, typeAt) = linkType switch
        {
            1 => (14, 12),      // Ethernet: ethertype at 12
            113 => (16, 14),    // Linux cooked v1: protocol at 14
            276 => (20, 0),     // Linux cooked v2: protocol at 0
            101 or 12 => (0, -1),
            _ => throw new InvalidDataException($"pcap link type {linkType} is not one tcpdump uses here"),
        };
        if (packet.Length < skip + 20 || (typeAt >= 0 && BinaryPrimitives.ReadUInt16BigEndian(packet.Span[typeAt..]) != 0x0800))
        {
            return null;
        }

        return packet[skip..];
    }

    private static TcpSegment? Parse(TimeSpan time, ReadOnlyMemory<byte> ip)
    {
        var span = ip.Span;
        if (span[0] >> 4 != 4 || span[9] != 6)
        {
            return null;
        }

        var ipHeader = (span[0] & 0x0f) * 4;
        var total = BinaryPrimitives.ReadUInt16BigEndian(span[2..]);
        if (span.Length < ipHeader + 20)
        {
            return null;
        }

        var tcp = span[ipHeader..];
        var tcpHeader = (tcp[12] >> 4) * 4;
        var payloadLength = total - ipHeader - tcpHeader;
        var capturedStart = Math.Min(ip.Length, ipHeader + tcpHeader);
        var captured = ip[capturedStart..Math.Min(ip.Length, capturedStart + Math.Max(0, payloadLength))];
        var source = new IPEndPoint(new IPAddress(span.Slice(12, 4)), BinaryPrimitives.ReadUInt16BigEndian(tcp));
        var destination = new IPEndPoint(new IPAddress(span.Slice(16, 4)), BinaryPrimitives.ReadUInt16BigEndian(tcp[2..]));
        return new TcpSegment(time, source, destination, BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]), BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            tcp[13], BinaryPrimitives.ReadUInt16BigEndian(tcp[14..]), Math.Max(0, payloadLength), captured);
    }
}
