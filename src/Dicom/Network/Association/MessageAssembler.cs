using System.Buffers;
using System.Diagnostics;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Reassembles DIMSE messages from PDVs on the reader loop (PS3.8 annex E): command fragments are
/// gathered in a pooled buffer, data fragments go straight to the chosen sink as slices of the
/// receive buffer. Any violation of the fragment rules is a <see cref="PduFormatException"/>.
/// </summary>
internal sealed class MessageAssembler(DicomAssociation association)
{
    /// <summary>Largest command set accepted (64 KiB): real ones are a few hundred bytes, the longest (N-GET attribute lists) a few KB.</summary>
    public const int MaxCommandSetLength = 64 * 1024;

    private enum Phase
    {
        Idle,
        Command,
        Data,
    }

    private Phase _phase;
    private byte _contextId;
    private NegotiatedPresentationContext? _context;
    private byte[] _command = [];
    private int _commandLength;
    private ReadOnlyMemory<byte> _commandSet;
    private ReceiveRequest? _request;
    private IMessageDataSink? _sink;
    private long _dataLength;
    private long _firstTimestamp;

    /// <summary>The PDVs of one buffered P-DATA-TF body, each whole.</summary>
    public async ValueTask DeliverAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var position = 0;
        while (true)
        {
            position = PdvReader.ReadAt(body.Span, position, out var contextId, out var control, out var offset, out var length);
            if (position < 0)
            {
                return;
            }

            await OnPdvPartAsync(contextId, control, body.Slice(offset, length), endOfPdv: true, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The PDVs of a P-DATA-TF too large to buffer, slice by slice as the reader brings them in.</summary>
    public async ValueTask DeliverStreamedAsync(PduReader reader, CancellationToken ct)
    {
        while (await reader.ReadSliceAsync(ct).ConfigureAwait(false) is { } slice)
        {
            await OnPdvPartAsync(slice.PresentationContextId, slice.MessageControlHeader, slice.Data, slice.EndOfPdv, ct).ConfigureAwait(false);
        }
    }

    /// <summary>A PDV, or part of one: the last-fragment bit counts only at the PDV's end.</summary>
    private async ValueTask OnPdvPartAsync(byte contextId, byte control, ReadOnlyMemory<byte> fragment, bool endOfPdv, CancellationToken ct)
    {
        var isLast = endOfPdv && (control & PresentationDataValue.LastFragmentBit) != 0;
        CheckContext(contextId, 0);
        if ((control & PresentationDataValue.CommandBit) != 0)
        {
            await OnCommandFragmentAsync(contextId, fragment, isLast, ct).ConfigureAwait(false);
        }
        else
        {
            await OnDataFragmentAsync(contextId, fragment, isLast, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The association ended (or the peer released) in the middle of a message.</summary>
    public void FailPending(Exception? reason)
    {
        if (_sink is { } sink)
        {
            _ = sink.AbandonAsync(reason ?? new InvalidOperationException("association released during the message")).AsTask();
        }

        if (_request is { } request)
        {
            if (reason is null)
            {
                request.Complete(null);
            }
            else
            {
                request.Fail(reason);
            }
        }

        Reset();
    }

    private void CheckContext(byte contextId, int position)
    {
        if (_phase != Phase.Idle && contextId != _contextId)
        {
            throw new PduFormatException($"PDV for presentation context {contextId} inside a message on context {_contextId}", position, AbortReason.UnexpectedPduParameter);
        }

        if (_phase == Phase.Idle)
        {
            var context = association.Info.FindContext(contextId);
            if (context is null || !context.IsAccepted)
            {
                throw new PduFormatException($"PDV for presentation context {contextId}, which was not accepted", position, AbortReason.InvalidPduParameterValue);
            }

            _context = context;
            _contextId = contextId;
            _firstTimestamp = Stopwatch.GetTimestamp();
        }
    }

    private async ValueTask OnCommandFragmentAsync(byte contextId, ReadOnlyMemory<byte> fragment, bool isLast, CancellationToken ct)
    {
        if (_phase == Phase.Data)
        {
            throw new PduFormatException("Command fragment while the data set of the previous command was expected", 0, AbortReason.UnexpectedPduParameter);
        }

        _phase = Phase.Command;
        AppendCommand(fragment.Span);
        if (!isLast)
        {
            return;
        }

        _commandSet = _command.AsSpan(0, _commandLength).ToArray();
        // PS3.7 E.2: 0x0101 means no data set; any other value means one follows.
        var hasDataSet = CommandSetCodec.TryReadUInt16(_commandSet.Span, CommandTag.CommandDataSetType, out var dataSetType) && dataSetType != DimseMessage.NoDataSet;
        _request = await association.TakeReceiverAsync(ct).ConfigureAwait(false);
        if (!hasDataSet)
        {
            Complete(null);
            return;
        }

        _phase = Phase.Data;
        _sink = ChooseSink(new IncomingCommand(contextId, _context!, _commandSet, true));
    }

    private async ValueTask OnDataFragmentAsync(byte contextId, ReadOnlyMemory<byte> fragment, bool isLast, CancellationToken ct)
    {
        if (_phase != Phase.Data)
        {
            throw new PduFormatException($"Data fragment on context {contextId} without a command announcing a data set", 0, AbortReason.UnexpectedPduParameter);
        }

        _dataLength += fragment.Length;
        try
        {
            await _sink!.WriteAsync(fragment, ct).ConfigureAwait(false);
            if (isLast)
            {
                await _sink.CompleteAsync(ct).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The sink failed (disk full...): this message is lost, the association goes on.
            _request?.Fail(ex);
            _request = null;
            _sink = DiscardDataSink.Instance;
        }

        if (isLast)
        {
            Complete(_sink);
        }
    }

    private IMessageDataSink ChooseSink(IncomingCommand command)
    {
        if (_request is null)
        {
            return DiscardDataSink.Instance;
        }

        try
        {
            return _request.ChooseSink(command);
        }
        catch (Exception ex)
        {
            _request.Fail(ex);
            _request = null;
            return DiscardDataSink.Instance;
        }
    }

    private void Complete(IMessageDataSink? sink)
    {
        _request?.Complete(new IncomingMessage(_contextId, _context!, _commandSet, sink, _dataLength, _firstTimestamp, Stopwatch.GetTimestamp()));
        Reset();
    }

    private void AppendCommand(ReadOnlySpan<byte> fragment)
    {
        // Both operands are at most MaxCommandSetLength (the PDU reader bounds a fragment by the PDU), so no sum here can overflow.
        if (fragment.Length > MaxCommandSetLength - _commandLength)
        {
            throw new PduFormatException($"The command set grows past {MaxCommandSetLength} bytes without its last fragment", 0, AbortReason.InvalidPduParameterValue);
        }

        var needed = _commandLength + fragment.Length;
        if (needed > _command.Length)
        {
            var grown = ArrayPool<byte>.Shared.Rent(Math.Min(MaxCommandSetLength, Math.Max(1024, needed * 2)));
            _command.AsSpan(0, _commandLength).CopyTo(grown);
            if (_command.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_command);
            }

            _command = grown;
        }

        fragment.CopyTo(_command.AsSpan(_commandLength));
        _commandLength = needed;
    }

    private void Reset()
    {
        _phase = Phase.Idle;
        _commandLength = 0;
        _commandSet = default;
        _request = null;
        _sink = null;
        _dataLength = 0;
        _context = null;
    }
}
