using System.Buffers.Binary;
using System.Net;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// Reads the IPv4 TCP segments out of a classic pcap file (what tcpdump -w writes), microsecond or
/// nanosecond stamps, on the link types tcpdump uses here: Ethernet, Linux cooked v1/v2 (-i any), raw IP. A
/// segment seen again within <see cref="DuplicateWindow"/> is the same packet on a second interface (a bridge
/// port and the bridge, with -i any) and is dropped.
/// </summary>
public static class PcapReader
{
    public static readonly TimeSpan DuplicateWindow = TimeSpan.FromMilliseconds(2);

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
        var lastSeen = new Dictionary<(IPEndPoint, IPEndPoint, uint, uint, byte, ushort, int), TimeSpan>();
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
            if (IpPayload(packet, linkType) is not { } ip || Parse(stamp - first.Value, ip) is not { } segment)
            {
                continue;
            }

            var key = (segment.Source, segment.Destination, segment.Sequence, segment.Acknowledgement, segment.Flags, segment.Window, segment.PayloadLength);
            if (!lastSeen.TryGetValue(key, out var seen) || segment.Time - seen > DuplicateWindow)
            {
                segments.Add(segment);
            }

            lastSeen[key] = segment.Time;
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
        var segment = new TcpSegment(time, source, destination, BinaryPrimitives.ReadUInt32BigEndian(tcp[4..]), BinaryPrimitives.ReadUInt32BigEndian(tcp[8..]),
            tcp[13], BinaryPrimitives.ReadUInt16BigEndian(tcp[14..]), Math.Max(0, payloadLength), captured);
        return segment.IsSyn ? WithSynOptions(segment, tcp[20..Math.Min(tcp.Length, tcpHeader)]) : segment;
    }

    /// <summary>MSS (kind 2) and window scale (kind 3) from a SYN's options, for window sizes in bytes later.</summary>
    private static TcpSegment WithSynOptions(TcpSegment segment, ReadOnlySpan<byte> options)
    {
        var i = 0;
        while (i < options.Length && options[i] != 0)
        {
            if (options[i] == 1)
            {
                i++;
                continue;
            }

            if (i + 1 >= options.Length || options[i + 1] < 2 || i + options[i + 1] > options.Length)
            {
                break;
            }

            segment = options[i] switch
            {
                2 when options[i + 1] == 4 => segment with { MaximumSegmentSize = BinaryPrimitives.ReadUInt16BigEndian(options[(i + 2)..]) },
                3 when options[i + 1] == 3 => segment with { WindowScale = options[i + 2] },
                _ => segment,
            };
            i += options[i + 1];
        }

        return segment;
    }
}
