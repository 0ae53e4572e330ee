using System.Buffers.Binary;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>A PDU seen whole on the wire: its type, the first PDV's message control header (P-DATA-TF only) and when its last byte arrived.</summary>
public sealed record WirePdu(byte Type, byte Control, TimeSpan Completed)
{
    public const byte AssociateAccept = 0x02;
    public const byte AssociateReject = 0x03;
    public const byte DataTransfer = 0x04;

    /// <summary>A P-DATA-TF whose first PDV is the last fragment of a command: a DIMSE message's command is complete.</summary>
    public bool IsLastCommandFragment => Type == DataTransfer && (Control & 0x03) == 0x03;

    /// <summary>A-RELEASE-RQ/RP or A-ABORT: the exchange is over.</summary>
    public bool EndsExchange => Type is 0x05 or 0x06 or 0x07;
}

/// <summary>
/// Finds PDU boundaries in one direction of a TCP stream from captured segments, which may be cut by the
/// snap length: only the bytes of each PDU's first 12 (PDU header and first PDV header) are needed. A hole in
/// the sequence space, or a header beyond what was captured, makes the rest of the stream unreadable (<see cref="Lost"/>).
/// </summary>
internal sealed class PduStreamScanner
{
    private readonly byte[] _header = new byte[12];
    private uint? _base;
    private long _position;
    private int _headerBytes;
    private long _pduEnd = -1;

    public bool Lost { get; private set; }

    public IReadOnlyList<WirePdu> Add(TcpSegment segment)
    {
        if (segment.IsSyn)
        {
            _base = unchecked(segment.Sequence + 1);
            return [];
        }

        if (Lost || segment.PayloadLength == 0)
        {
            return [];
        }

        _base ??= segment.Sequence;
        var start = (long)unchecked(segment.Sequence - _base.Value);
        var end = start + segment.PayloadLength;
        if (end <= _position)
        {
            return []; // a retransmission of what was read
        }

        if (start > _position)
        {
            Lost = true; // a segment the capture missed
            return [];
        }

        return Scan(segment, start, end);
    }

    private List<WirePdu> Scan(TcpSegment segment, long start, long end)
    {
        var found = new List<WirePdu>();
        var cursor = _position;
        while (cursor < end || (_pduEnd >= 0 && cursor == _pduEnd))
        {
            if (_pduEnd >= 0)
            {
                cursor = Math.Min(_pduEnd, end);
                if (cursor == _pduEnd)
                {
                    found.Add(new WirePdu(_header[0], _header[0] == WirePdu.DataTransfer ? _header[11] : (byte)0, segment.Time));
                    _pduEnd = -1;
                    _headerBytes = 0;
                }

                continue;
            }

            var need = (_headerBytes < 6 ? 6 : 12) - _headerBytes;
            var take = (int)Math.Min(need, end - cursor);
            var at = (int)(cursor - start);
            if (at + take > segment.Captured.Length)
            {
                Lost = true; // the header lies beyond the snap length
                break;
            }

            segment.Captured.Span.Slice(at, take).CopyTo(_header.AsSpan(_headerBytes));
            _headerBytes += take;
            cursor += take;
            if (_headerBytes == 6 && _header[0] != WirePdu.DataTransfer || _headerBytes == 12)
            {
                _pduEnd = cursor - _headerBytes + 6 + BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(2));
            }
        }

        _position = end;
        return found;
    }
}
