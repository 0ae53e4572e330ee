using System.Buffers;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Cuts one DIMSE message into PDVs (PS3.8 annex E): command and data set in separate PDVs, each PDU
/// body within the peer's maximum, several PDVs and several PDUs per socket send. In the pathological
/// mode every PDU holds one PDV and goes out as two writes: 12 header bytes, then the data.
/// </summary>
internal sealed class MessageFragmenter
{
    private const int SmallestUsefulPdv = PresentationDataValue.HeaderSize + 2;

    private readonly DicomAssociation _association;
    private readonly int _maxBody;
    private readonly bool _split;
    private readonly bool _commandAlone;
    private readonly int _bufferSize;
    private byte[] _buffer = [];
    private int _position;
    private int _pduStart = -1;
    private int _pduCount;

    public MessageFragmenter(DicomAssociation association, uint peerMaxPduLength)
    {
        _association = association;
        var options = association.Options;
        var largest = Math.Max(options.LargestPduSent, SmallestUsefulPdv);
        _maxBody = peerMaxPduLength == 0 || peerMaxPduLength > largest ? largest : (int)peerMaxPduLength;
        if (_maxBody < SmallestUsefulPdv)
        {
            throw new InvalidOperationException($"The peer's maximum PDU length {peerMaxPduLength} cannot hold a PDV");
        }

        _split = options.SplitsMessage(association.Counters.CountMessageSent());
        _commandAlone = !options.CommandAndDataInOnePdu;
        _bufferSize = _split ? _maxBody + PduHeader.Size : Math.Max(options.SendBatchSize, _maxBody + PduHeader.Size);
    }

    /// <summary>True once a write of this message was attempted: from then on a failure leaves part of it on the wire.</summary>
    public bool Started { get; private set; }

    public async ValueTask SendAsync(byte contextId, ReadOnlyMemory<byte> command, IMessageData? data, CancellationToken ct)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(_bufferSize);
        try
        {
            await WriteCommandAsync(contextId, command, ct).ConfigureAwait(false);
            if (data is not null)
            {
                await WriteDataAsync(contextId, data, ct).ConfigureAwait(false);
            }

            ClosePdu();
            await FlushAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private async ValueTask WriteCommandAsync(byte contextId, ReadOnlyMemory<byte> command, CancellationToken ct)
    {
        var offset = 0;
        while (offset < command.Length)
        {
            var room = await OpenRoomAsync(ct).ConfigureAwait(false);
            var n = Math.Min(room, command.Length - offset);
            var last = offset + n == command.Length;
            WritePdvHeader(contextId, PresentationDataValue.ControlHeader(command: true, last), n);
            command.Span.Slice(offset, n).CopyTo(_buffer.AsSpan(_position));
            _position += n;
            offset += n;
            await AfterPdvAsync(ct).ConfigureAwait(false);
        }

        if (_split)
        {
            // Mechanism A needs the command alone in its PDU and its own writes, as DCMTK sends it.
            ClosePdu();
            await FlushAsync(ct).ConfigureAwait(false);
        }
        else if (_commandAlone)
        {
            // A PDU of its own, still in the same send as the first data PDU.
            ClosePdu();
        }
    }

    private async ValueTask WriteDataAsync(byte contextId, IMessageData data, CancellationToken ct)
    {
        var length = data.Length;
        long offset = 0;
        do
        {
            var room = await OpenRoomAsync(ct).ConfigureAwait(false);
            var n = (int)Math.Min(room, length - offset);
            var last = offset + n == length;
            WritePdvHeader(contextId, PresentationDataValue.ControlHeader(command: false, last), n);
            await data.ReadAsync(offset, _buffer.AsMemory(_position, n), ct).ConfigureAwait(false);
            _position += n;
            offset += n;
            await AfterPdvAsync(ct).ConfigureAwait(false);
        }
        while (offset < length);
    }

    /// <summary>Opens a PDU if none is open (flushing when the batch is full); returns the fragment bytes that fit in one PDV.</summary>
    private async ValueTask<int> OpenRoomAsync(CancellationToken ct)
    {
        if (_pduStart >= 0 && _maxBody - (_position - _pduStart - PduHeader.Size) < SmallestUsefulPdv)
        {
            ClosePdu();
        }

        if (_pduStart < 0)
        {
            if (_bufferSize - _position < PduHeader.Size + SmallestUsefulPdv)
            {
                await FlushAsync(ct).ConfigureAwait(false);
            }

            _pduStart = _position;
            _position += PduHeader.Size;
        }

        var bodyRoom = _maxBody - (_position - _pduStart - PduHeader.Size);
        var bufferRoom = _bufferSize - _position;
        // Even, so only the last fragment of an odd data set can be odd (DCMTK refuses odd fragments elsewhere).
        return (Math.Min(bodyRoom, bufferRoom) - PresentationDataValue.HeaderSize) & ~1;
    }

    private async ValueTask AfterPdvAsync(CancellationToken ct)
    {
        if (_split)
        {
            ClosePdu();
            await FlushSplitAsync(ct).ConfigureAwait(false);
        }
        else if (_bufferSize - _position < PduHeader.Size + SmallestUsefulPdv)
        {
            ClosePdu();
            await FlushAsync(ct).ConfigureAwait(false);
        }
    }

    private void WritePdvHeader(byte contextId, byte control, int fragmentLength)
    {
        DataTransferPdu.WritePdvHeader(_buffer.AsSpan(_position), contextId, control, fragmentLength);
        _position += PresentationDataValue.HeaderSize;
    }

    private void ClosePdu()
    {
        if (_pduStart < 0)
        {
            return;
        }

        PduHeader.Write(_buffer.AsSpan(_pduStart), PduType.DataTransfer, (uint)(_position - _pduStart - PduHeader.Size));
        _pduStart = -1;
        _pduCount++;
    }

    private async ValueTask FlushAsync(CancellationToken ct)
    {
        if (_position == 0)
        {
            return;
        }

        Started = true;
        await _association.WriteDataAsync(_buffer.AsMemory(0, _position), _pduCount, splitAt: 0, ct).ConfigureAwait(false);
        _position = 0;
        _pduCount = 0;
    }

    /// <summary>One PDU with one PDV: the 6-byte PDU header and 6-byte PDV header, then the fragment, as two writes.</summary>
    private async ValueTask FlushSplitAsync(CancellationToken ct)
    {
        const int headers = PduHeader.Size + PresentationDataValue.HeaderSize;
        Started = true;
        await _association.WriteDataAsync(_buffer.AsMemory(0, _position), _pduCount, splitAt: headers, ct).ConfigureAwait(false);
        _position = 0;
        _pduCount = 0;
    }
}
