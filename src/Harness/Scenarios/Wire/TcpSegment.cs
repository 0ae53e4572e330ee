using System.Net;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// One captured TCP segment: when the kernel saw it, its ends, sequence numbers, flags and window, the
/// payload length from the IP header and the payload bytes the snap length kept (possibly fewer). A SYN also
/// carries the sender's maximum segment size and window scale, when it announced them.
/// </summary>
public sealed record TcpSegment(TimeSpan Time, IPEndPoint Source, IPEndPoint Destination, uint Sequence, uint Acknowledgement, byte Flags, ushort Window, int PayloadLength, ReadOnlyMemory<byte> Captured)
{
    /// <summary>The MSS option of a SYN; null otherwise.</summary>
    public int? MaximumSegmentSize { get; init; }

    /// <summary>The window scale option of a SYN; null otherwise.</summary>
    public int? WindowScale { get; init; }

    public const byte Fin = 0x01;
    public const byte Syn = 0x02;
    public const byte Rst = 0x04;
    public const byte AckFlag = 0x10;

    public bool IsSyn => (Flags & Syn) != 0;

    /// <summary>An ACK with nothing else: no payload, no SYN/FIN/RST. A delayed ACK ends a Nagle stall this way.</summary>
    public bool IsBareAck => PayloadLength == 0 && (Flags & (Syn | Fin | Rst)) == 0 && (Flags & AckFlag) != 0;

    public bool IsFinOrReset => (Flags & (Fin | Rst)) != 0;
}
