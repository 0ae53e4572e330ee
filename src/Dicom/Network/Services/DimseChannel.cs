using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>
/// DIMSE messages over one association, both roles at once: requests we send are matched with their
/// responses by message ID; requests we receive go to an <see cref="IDimseRequestHandler"/>, at most the
/// negotiated asynchronous operations window at a time; a C-CANCEL-RQ cancels the operation it names. Either
/// <see cref="ServeAsync"/> runs a receive loop (SCP) or callers pump one message at a time while they wait (SCU, via
/// <see cref="PendingRequest"/>). A command set that cannot be read is answered with a failure status or, when no
/// response can be addressed, the association is aborted (<see cref="UnreadableCommand"/>).
/// </summary>
public sealed partial class DimseChannel : IDisposable
{
    private readonly DicomAssociation _association;
    private readonly IDimseRequestHandler _handler;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _pumpLock = new(1, 1);
    private readonly ConcurrentDictionary<ushort, PendingRequest> _pending = new();
    private int _nextMessageId;
    private volatile bool _released;

    public DimseChannel(DicomAssociation association, IDimseRequestHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(association);
        _association = association;
        _handler = handler ?? RefusingRequestHandler.Instance;
        _slots = new SemaphoreSlim(WindowOf(association.Info));
    }

    public DicomAssociation Association => _association;

    public AssociationInfo Info => _association.Info;

    /// <summary>True while <see cref="ServeAsync"/> runs the receive loop.</summary>
    public bool IsServing { get; private set; }

    /// <summary>True once the peer released the association.</summary>
    public bool IsReleased => _released;

    /// <summary>Receives an optional log line per notable event (failures, cancellations).</summary>
    public Action<string>? Log { get; init; }

    public ushort NextMessageId()
    {
        var id = (ushort)Interlocked.Increment(ref _nextMessageId);
        return id == 0 ? NextMessageId() : id;
    }

    /// <summary>Sends a request and returns the handle its responses arrive on.</summary>
    public async Task<PendingRequest> SendRequestAsync(byte presentationContextId, DimseRequest request, IMessageData? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingRequest(this, request, presentationContextId);
        if (!_pending.TryAdd(request.MessageId, pending))
        {
            throw new InvalidOperationException($"Message ID {request.MessageId} is already outstanding on the association with {Info.PeerAe}.");
        }

        try
        {
            await SendAsync(presentationContextId, request, data, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _pending.TryRemove(request.MessageId, out _);
            throw;
        }

        pending.SentTimestamp = Stopwatch.GetTimestamp();
        return pending;
    }

    /// <summary>Sends a response (or a C-CANCEL-RQ) on the association; sends are serialised.</summary>
    public Task SendAsync(byte presentationContextId, DimseMessage message, IMessageData? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DimseResponse { Status.IsPending: false } final)
        {
            // Before the bytes leave: once the peer sees the final response it may invoke the next operation.
            EndOperation(final.MessageIdBeingRespondedTo);
        }

        return SendCommandAsync(presentationContextId, message.Encode(), data, cancellationToken);
    }

    /// <summary>Runs the receive loop until the peer releases; handlers run concurrently with it.</summary>
    public async Task ServeAsync(CancellationToken cancellationToken)
    {
        IsServing = true;
        var next = ReceiveNextAsync(awaitHandlers: false, cancellationToken);
        try
        {
            while (true)
            {
                var (received, message) = await next.ConfigureAwait(false);
                if (message is null)
                {
                    break;
                }

                // The next receive waits before this message is handled: the reader, finishing this message, finds it
                // queued and goes on reading instead of waiting for this loop to be scheduled (one hand-over per message).
                next = ReceiveNextAsync(awaitHandlers: false, cancellationToken);
                if (!await HandleAsync(received, message, awaitHandlers: false, cancellationToken).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (Exception ex)
        {
            FailAll(ex);
            CancelRunning();
            throw;
        }
        finally
        {
            // A receive still queued ends with the association (null, or its failure): observed here, not left unobserved.
            _ = next.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await Task.WhenAll(_handlerTasks.Values).ConfigureAwait(false);
        }
    }

    /// <summary>Receives and dispatches one message (SCU mode); false when the peer released.</summary>
    public async Task<bool> PumpAsync(CancellationToken cancellationToken)
    {
        await _pumpLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ReceiveOneAsync(awaitHandlers: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            FailAll(ex);
            throw;
        }
        finally
        {
            _pumpLock.Release();
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _pumpLock.Dispose();
        _slots.Dispose();
    }

    private async Task SendCommandAsync(byte presentationContextId, byte[] command, IMessageData? data, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _association.SendAsync(presentationContextId, command, data, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<bool> ReceiveOneAsync(bool awaitHandlers, CancellationToken cancellationToken)
    {
        var (received, message) = await ReceiveNextAsync(awaitHandlers, cancellationToken).ConfigureAwait(false);
        return message is not null && await HandleAsync(received, message, awaitHandlers, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next message (null once the peer released) and the command as the reader parsed it.</summary>
    private async Task<(ReceivedCommand Received, IncomingMessage? Message)> ReceiveNextAsync(bool awaitHandlers, CancellationToken cancellationToken)
    {
        var received = new ReceivedCommand(this, cancellationToken);

        // Waiting for responses (SCU pumping) runs the DIMSE timer; serving waits as long as the peer likes.
        var message = awaitHandlers
            ? await _association.ReceiveAsync(received.ChooseSink, _association.Options.DimseTimeout, cancellationToken).ConfigureAwait(false)
            : await _association.ReceiveAsync(received.ChooseSink, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            _released = true;
            FailAll(new InvalidOperationException($"{Info.PeerAe} released the association before responding."));
        }

        return (received, message);
    }

    /// <summary>Dispatches one received message; false when the association was aborted over it.</summary>
    private async Task<bool> HandleAsync(ReceivedCommand received, IncomingMessage message, bool awaitHandlers, CancellationToken cancellationToken)
    {
        received.ParseIfNeeded(message.CommandSet.Span, message.PresentationContext);
        switch (received.Message)
        {
            case null:
                return await AnswerUnreadableAsync(message, received.Error!, cancellationToken).ConfigureAwait(false);
            case DimseResponse response:
                Deliver(response, message);
                break;
            case CCancelRequest cancel:
                await CancelAsync(cancel).ConfigureAwait(false);
                break;
            case DimseRequest request:
                await DispatchAsync(request, message, received.Admission, awaitHandlers, cancellationToken).ConfigureAwait(false);
                break;
        }

        return true;
    }

    private void Deliver(DimseResponse response, IncomingMessage message)
    {
        if (!_pending.TryGetValue(response.MessageIdBeingRespondedTo, out var pending))
        {
            Log?.Invoke($"{Info.PeerAe} answered message {response.MessageIdBeingRespondedTo}, which is not outstanding; ignored.");
            return;
        }

        var data = message.Data is MemoryDataSink sink ? sink.Data : ReadOnlyMemory<byte>.Empty;
        var reply = new DimseReply(response, data, message.PresentationContext, message.CompletedTimestamp != 0 ? message.CompletedTimestamp : Stopwatch.GetTimestamp());
        if (reply.IsFinal)
        {
            _pending.TryRemove(response.MessageIdBeingRespondedTo, out _);
        }

        pending.Deliver(reply);
    }

    private void FailAll(Exception reason)
    {
        foreach (var (id, pending) in _pending)
        {
            if (_pending.TryRemove(id, out _))
            {
                pending.Fail(reason);
            }
        }
    }
}
