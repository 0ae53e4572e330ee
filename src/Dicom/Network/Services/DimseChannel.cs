using System.Collections.Concurrent;
using System.Diagnostics;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>
/// DIMSE messages over one association, both roles at once: requests we send are matched with their
/// responses by message ID; requests we receive go to an <see cref="IDimseRequestHandler"/>; a
/// C-CANCEL-RQ cancels the operation it names. Either <see cref="ServeAsync"/> runs a receive loop
/// (SCP) or callers pump one message at a time while they wait (SCU, via <see cref="PendingRequest"/>).
/// </summary>
public sealed class DimseChannel : IDisposable
{
    private readonly DicomAssociation _association;
    private readonly IDimseRequestHandler _handler;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _pumpLock = new(1, 1);
    private readonly ConcurrentDictionary<ushort, PendingRequest> _pending = new();
    private readonly ConcurrentDictionary<ushort, CancellationTokenSource> _running = new();
    private readonly ConcurrentBag<Task> _handlerTasks = [];
    private int _nextMessageId;
    private volatile bool _released;

    public DimseChannel(DicomAssociation association, IDimseRequestHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(association);
        _association = association;
        _handler = handler ?? RefusingRequestHandler.Instance;
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
    public async Task SendAsync(byte presentationContextId, DimseMessage message, IMessageData? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var command = message.Encode();
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

    /// <summary>Runs the receive loop until the peer releases; handlers run concurrently with it.</summary>
    public async Task ServeAsync(CancellationToken cancellationToken)
    {
        IsServing = true;
        try
        {
            while (await ReceiveOneAsync(awaitHandlers: false, cancellationToken).ConfigureAwait(false))
            {
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
            await Task.WhenAll(_handlerTasks).ConfigureAwait(false);
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

    private async Task<bool> ReceiveOneAsync(bool awaitHandlers, CancellationToken cancellationToken)
    {
        DimseMessage? parsed = null;
        IMessageDataSink Choose(IncomingCommand command)
        {
            parsed = DimseMessageReader.Read(command.CommandSet.Span);
            return ChooseSink(parsed, command);
        }

        // Waiting for responses (SCU pumping) runs the DIMSE timer; serving waits as long as the peer likes.
        var message = awaitHandlers
            ? await _association.ReceiveAsync(Choose, _association.Options.DimseTimeout, cancellationToken).ConfigureAwait(false)
            : await _association.ReceiveAsync(Choose, cancellationToken).ConfigureAwait(false);
        if (message is null)
        {
            _released = true;
            FailAll(new InvalidOperationException($"{Info.PeerAe} released the association before responding."));
            return false;
        }

        parsed ??= DimseMessageReader.Read(message.CommandSet.Span);
        switch (parsed)
        {
            case DimseResponse response:
                Deliver(response, message);
                break;
            case CCancelRequest cancel:
                if (_running.TryGetValue(cancel.MessageIdBeingRespondedTo, out var cts))
                {
                    Log?.Invoke($"C-CANCEL-RQ from {Info.PeerAe} for message {cancel.MessageIdBeingRespondedTo}");
                    await cts.CancelAsync().ConfigureAwait(false);
                }

                break;
            case DimseRequest request:
                if (awaitHandlers)
                {
                    await HandleAsync(request, message, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    // Off the receive loop: a handler whose sends complete synchronously would otherwise keep the
                    // loop from reading the C-CANCEL-RQ (or the C-STORE-RSPs of a C-GET) meant for it.
                    var operation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    _running[request.MessageId] = operation;
                    _handlerTasks.Add(Task.Run(() => HandleAsync(request, message, operation), CancellationToken.None));
                }

                break;
        }

        return true;
    }

    private IMessageDataSink ChooseSink(DimseMessage message, IncomingCommand command) => message switch
    {
        DimseResponse => new MemoryDataSink(),
        DimseRequest request => _handler.ChooseSink(this, request, command),
        _ => DiscardDataSink.Instance,
    };

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

    private Task HandleAsync(DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running[request.MessageId] = cts;
        return HandleAsync(request, message, cts);
    }

    // Registered in _running before the receive loop reads on, so a C-CANCEL-RQ right behind the request finds it.
    private async Task HandleAsync(DimseRequest request, IncomingMessage message, CancellationTokenSource cts)
    {
        using var owned = cts;
        try
        {
            await _handler.HandleAsync(this, request, message, cts.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A handler's failure ends only its operation; the association goes on.
            Log?.Invoke($"{request.CommandField} message {request.MessageId} from {Info.PeerAe} failed: {ex.Message}");
        }
        finally
        {
            _running.TryRemove(request.MessageId, out _);
        }
    }

    public void Dispose()
    {
        _sendLock.Dispose();
        _pumpLock.Dispose();
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

    private void CancelRunning()
    {
        foreach (var (_, cts) in _running)
        {
            try
            {
                cts.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
