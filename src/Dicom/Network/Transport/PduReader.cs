using System.Buffers;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// Frames PDUs off a connection into one pooled buffer owned by the association's reader loop.
/// The declared length is checked against the PDU type and our maximum before any body byte is
/// buffered; bytes read past the PDU stay in the buffer for the next call.
/// </summary>
public sealed class PduReader : IDisposable
{
    /// <summary>Bound on A-ASSOCIATE-RQ/AC bodies (128 contexts with long UIDs fit comfortably).</summary>
    public const int MaxAssociatePduLength = 1024 * 1024;

    /// <summary>Bound applied when we announced 0 (unlimited).</summary>
    public const int MaxUnlimitedDataPduLength = 64 * 1024 * 1024;

    private readonly DicomConnection _connection;
    private readonly uint _maxDataPduLength;
    private byte[] _buffer;
    private int _start;
    private int _end;

    /// <param name="connection">The transport to read.</param>
    /// <param name="maxDataPduLength">Our announced maximum P-DATA-TF body length; 0 = unlimited.</param>
    public PduReader(DicomConnection connection, uint maxDataPduLength)
    {
        _connection = connection;
        _maxDataPduLength = maxDataPduLength == 0 ? MaxUnlimitedDataPduLength : maxDataPduLength;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>Reads the next whole PDU, or <see cref="ReceivedPdu.End"/> when the peer closed between PDUs.</summary>
    /// <exception cref="PduFormatException">Unknown type or a length out of bounds (nothing of the body was buffered).</exception>
    /// <exception cref="EndOfStreamException">The peer closed in the middle of a PDU.</exception>
    public async ValueTask<ReceivedPdu> ReadAsync(CancellationToken ct)
    {
        Compact();
        if (!await FillAsync(PduHeader.Size, ct).ConfigureAwait(false))
        {
            if (_end == _start)
            {
                return ReceivedPdu.End;
            }

            throw new EndOfStreamException($"Connection closed inside a PDU header ({_end - _start} of 6 bytes)");
        }

        var (type, length) = PduHeader.Read(_buffer.AsSpan(_start, PduHeader.Size));
        CheckLength(type, length);
        var total = PduHeader.Size + (int)length;
        if (!await FillAsync(total, ct).ConfigureAwait(false))
        {
            throw new EndOfStreamException($"Connection closed inside a {(PduType)type} PDU ({_end - _start} of {total} bytes)");
        }

        var body = new ReadOnlyMemory<byte>(_buffer, _start + PduHeader.Size, (int)length);
        _start += total;
        _connection.Counters.AddReceivedPdu();
        return new ReceivedPdu((PduType)type, body, false);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void CheckLength(byte type, uint length)
    {
        if (!PduHeader.IsKnownType(type))
        {
            throw new PduFormatException($"Unrecognised PDU type 0x{type:X2}", 0, AbortReason.UnrecognizedPdu);
        }

        var max = (PduType)type switch
        {
            PduType.DataTransfer => _maxDataPduLength,
            PduType.AssociateRequest or PduType.AssociateAccept => (uint)MaxAssociatePduLength,
            _ => 4u,
        };
        var min = (PduType)type is PduType.AssociateRequest or PduType.AssociateAccept ? 68u : 4u;
        if ((PduType)type == PduType.DataTransfer)
        {
            min = PresentationDataValue.HeaderSize;
        }

        if (length < min || length > max)
        {
            throw new PduFormatException($"{(PduType)type} PDU declares {length} bytes; allowed {min}..{max}", 2, AbortReason.InvalidPduParameterValue);
        }
    }

    /// <summary>Moves unread bytes to the front so the buffer's tail is free.</summary>
    private void Compact()
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_start > _buffer.Length / 2)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
    }

    private async ValueTask<bool> FillAsync(int needed, CancellationToken ct)
    {
        if (_start + needed > _buffer.Length)
        {
            Grow(needed);
        }

        while (_end - _start < needed)
        {
            var received = await _connection.ReceiveAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (received == 0)
            {
                return false;
            }

            _end += received;
        }

        return true;
    }

    private void Grow(int needed)
    {
        var unread = _end - _start;
        var next = ArrayPool<byte>.Shared.Rent(Math.Max(needed, unread));
        Buffer.BlockCopy(_buffer, _start, next, 0, unread);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = next;
        _start = 0;
        _end = unread;
    }
}
