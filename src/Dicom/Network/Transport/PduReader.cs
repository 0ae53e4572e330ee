using System.Buffers;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// Frames PDUs off a connection into one pooled buffer owned by the association's reader loop. The declared
/// length is checked against the PDU type and our maximum before any body byte is buffered, and the buffer
/// grows only with the bytes that arrive. A P-DATA-TF larger than <see cref="BufferedPduLimit"/> (possible
/// only when we announce 0, unlimited, or more) is not buffered whole: its PDVs are read in slices.
/// Once a PDU's first byte arrived, <see cref="ConnectionOptions.PduReadTimeout"/> bounds the rest.
/// </summary>
public sealed class PduReader : IDisposable
{
    /// <summary>Bound on A-ASSOCIATE-RQ/AC bodies (128 contexts with long UIDs fit comfortably).</summary>
    public const int MaxAssociatePduLength = 1024 * 1024;

    /// <summary>P-DATA-TF bodies up to this size are buffered whole; larger ones reach the sink in slices of at most this size.</summary>
    public const int BufferedPduLimit = 4 * 1024 * 1024;

    /// <summary>Bytes a receive may take beyond what the current PDU needs.</summary>
    private const int ReadAhead = 64 * 1024;

    private readonly DicomConnection _connection;
    private readonly uint _maxDataPduLength;
    private readonly PduDeadline _deadline;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _desynchronised;
    private long _streamRemaining;
    private long _pdvRemaining;
    private byte _pdvContext;
    private byte _pdvControl;

    /// <param name="connection">The transport to read.</param>
    /// <param name="maxDataPduLength">Our announced maximum P-DATA-TF body length; 0 = unlimited.</param>
    public PduReader(DicomConnection connection, uint maxDataPduLength)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _maxDataPduLength = maxDataPduLength == 0 ? uint.MaxValue : maxDataPduLength;
        _deadline = new PduDeadline(connection.Options.PduReadTimeout);
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>Reads the next PDU, or <see cref="ReceivedPdu.End"/> when the peer closed between PDUs.</summary>
    /// <exception cref="PduFormatException">Unknown type or a length out of bounds (nothing of the body was buffered).</exception>
    /// <exception cref="EndOfStreamException">The peer closed in the middle of a PDU.</exception>
    /// <exception cref="PduTimeoutException">The PDU was not completed in time once it began.</exception>
    public async ValueTask<ReceivedPdu> ReadAsync(CancellationToken ct)
    {
        if (_desynchronised)
        {
            return await DrainAsync(ct).ConfigureAwait(false);
        }

        while (_streamRemaining > 0)
        {
            // A streamed P-DATA-TF that nobody read (the table ignored or refused it): skip the rest.
            await ReadSliceAsync(ct).ConfigureAwait(false);
        }

        if (_start == _end)
        {
            _deadline.Stop();
        }

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
        try
        {
            CheckLength(type, length);
        }
        catch (PduFormatException)
        {
            // PDU boundaries are lost: from now on the stream is only read to its end (Sta13).
            _desynchronised = true;
            throw;
        }

        _connection.Counters.AddReceivedPdu();
        if ((PduType)type == PduType.DataTransfer && length > BufferedPduLimit)
        {
            _start += PduHeader.Size;
            _streamRemaining = length;
            _pdvRemaining = 0;
            return new ReceivedPdu(PduType.DataTransfer, default, false, length);
        }

        var total = PduHeader.Size + (int)length;
        if (!await FillAsync(total, ct).ConfigureAwait(false))
        {
            throw new EndOfStreamException($"Connection closed inside a {(PduType)type} PDU ({_end - _start} of {total} bytes)");
        }

        var body = new ReadOnlyMemory<byte>(_buffer, _start + PduHeader.Size, (int)length);
        _start += total;
        _deadline.Stop();
        return new ReceivedPdu((PduType)type, body, false);
    }

    /// <summary>The next part of a streamed P-DATA-TF's PDVs (each PDV header checked as <see cref="PdvReader"/> does); null once the PDU is read.</summary>
    public async ValueTask<PdvSlice?> ReadSliceAsync(CancellationToken ct)
    {
        if (_streamRemaining == 0)
        {
            return null;
        }

        _deadline.Stop();
        _deadline.Start();
        Compact();
        if (_pdvRemaining == 0)
        {
            await FillOrThrowAsync(PresentationDataValue.HeaderSize, ct).ConfigureAwait(false);
            var itemLength = PdvReader.ReadHeader(_buffer.AsSpan(_start, PresentationDataValue.HeaderSize), _streamRemaining, 0, out _pdvContext, out _pdvControl);
            _start += PresentationDataValue.HeaderSize;
            _streamRemaining -= PresentationDataValue.HeaderSize;
            _pdvRemaining = itemLength - 2;
            if (_pdvRemaining == 0)
            {
                return new PdvSlice(_pdvContext, _pdvControl, default, true);
            }
        }

        var size = (int)Math.Min(_pdvRemaining, BufferedPduLimit);
        await FillOrThrowAsync(size, ct).ConfigureAwait(false);
        var data = new ReadOnlyMemory<byte>(_buffer, _start, size);
        _start += size;
        _pdvRemaining -= size;
        _streamRemaining -= size;
        if (_streamRemaining == 0)
        {
            _deadline.Stop();
        }

        return new PdvSlice(_pdvContext, _pdvControl, data, _pdvRemaining == 0);
    }

    public void Dispose()
    {
        _deadline.Dispose();
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>After a framing error nothing more can be parsed: discard input until the peer closes.</summary>
    private async ValueTask<ReceivedPdu> DrainAsync(CancellationToken ct)
    {
        while (await _connection.ReceiveAsync(_buffer, ct).ConfigureAwait(false) > 0)
        {
        }

        _start = _end = 0;
        return ReceivedPdu.End;
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
        var min = (PduType)type switch
        {
            PduType.DataTransfer => (uint)PresentationDataValue.HeaderSize,
            PduType.AssociateRequest or PduType.AssociateAccept => 68u,
            _ => 4u,
        };
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

    private async ValueTask FillOrThrowAsync(int needed, CancellationToken ct)
    {
        if (!await FillAsync(needed, ct).ConfigureAwait(false))
        {
            throw new EndOfStreamException($"Connection closed inside a P-DATA-TF PDU ({_streamRemaining} bytes to go)");
        }
    }

    /// <summary>Reads until <paramref name="needed"/> bytes from the current position are buffered; false if the peer closed first.</summary>
    private async ValueTask<bool> FillAsync(int needed, CancellationToken ct)
    {
        while (_end - _start < needed)
        {
            if (_end > _start)
            {
                _deadline.Start();
            }

            MakeRoom(needed);
            var token = _deadline.Token(ct);
            int received;
            try
            {
                received = await _connection.ReceiveAsync(_buffer.AsMemory(_end, ReceiveSize(needed)), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_deadline.Expired(ct))
            {
                throw new PduTimeoutException(_deadline.Timeout, _end - _start, needed);
            }

            if (received == 0)
            {
                return false;
            }

            _end += received;
        }

        return true;
    }

    /// <summary>
    /// What one receive may bring in: the bytes the current PDU still lacks, or at least <see cref="ReadAhead"/> (so a
    /// header read takes the small PDUs behind it along). Reading no further past a large PDU's end keeps its
    /// successor's bytes from landing at the buffer's tail, where <see cref="Compact"/> would copy them to the front.
    /// </summary>
    private int ReceiveSize(int needed) => Math.Min(_buffer.Length - _end, Math.Max(needed - (_end - _start), ReadAhead));

    /// <summary>Room for at least one more byte: unread bytes move to the front, and the buffer doubles (up to what is needed) only when they fill it.</summary>
    private void MakeRoom(int needed)
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        var unread = _end - _start;
        var target = unread < _buffer.Length ? _buffer.Length : Math.Min(needed, _buffer.Length * 2);
        var next = target == _buffer.Length ? _buffer : ArrayPool<byte>.Shared.Rent(target);
        Buffer.BlockCopy(_buffer, _start, next, 0, unread);
        if (!ReferenceEquals(next, _buffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = next;
        }

        _start = 0;
        _end = unread;
    }
}
