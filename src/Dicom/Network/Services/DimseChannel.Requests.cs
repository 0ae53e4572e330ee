using System.Collections.Concurrent;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>
/// The requests a channel receives: each is admitted within the negotiated asynchronous operations window (the
/// operations the peer may have outstanding on us, PS3.7 D.3.3.3) or refused at once (0213 Resource Limitation beyond
/// it, 0210 Duplicate Invocation for a Message ID still running, 0122 SOP Class Not Supported for a SOP class that is not
/// the abstract syntax of the request's presentation context), so the reader never waits on a handler; a slot is
/// freed when the final response is handed to the association. Handler tasks are forgotten as they end.
/// </summary>
public sealed partial class DimseChannel
{
    /// <summary>A window of 0 ("unlimited") is capped here.</summary>
    public const int UnlimitedWindowCap = 64;

    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<ushort, Operation> _running = new();
    private readonly ConcurrentDictionary<long, Task> _handlerTasks = new();
    private long _handlerKey;

    /// <summary>Requests the peer may have outstanding on us: it invokes up to "max invoked" as requestor, "max performed" as acceptor of our requests.</summary>
    private static int WindowOf(AssociationInfo info)
    {
        var window = info.IsRequestor ? info.AsyncOperations.MaxPerformed : info.AsyncOperations.MaxInvoked;
        return window == 0 ? UnlimitedWindowCap : Math.Min((int)window, UnlimitedWindowCap);
    }

    private Admission Admit(DimseRequest request, NegotiatedPresentationContext context, CancellationToken serving)
    {
        // PS3.7 9.1.1.1/9.1.2.1...: a request's SOP class is the abstract syntax of the context it arrives on.
        if (SopClassOf(request) is { } sopClass && sopClass != context.AbstractSyntax)
        {
            return new Admission(
                null, DimseStatus.SopClassNotSupported, $"SOP class {sopClass} is not the abstract syntax {context.AbstractSyntax} of presentation context {context.Id}");
        }

        if (_running.ContainsKey(request.MessageId))
        {
            return new Admission(null, DimseStatus.DuplicateInvocation, $"Message ID {request.MessageId} is still being performed");
        }

        if (!_slots.Wait(0, CancellationToken.None))
        {
            return new Admission(null, DimseStatus.ResourceLimitation, "More operations outstanding than the negotiated window");
        }

        var operation = new Operation(request.MessageId, CancellationTokenSource.CreateLinkedTokenSource(serving));
        _running[request.MessageId] = operation;
        return new Admission(operation, null, null);
    }

    private static string? SopClassOf(DimseRequest request) => request switch
    {
        SopClassRequest withSopClass => withSopClass.AffectedSopClassUid,
        CEchoRequest echo => echo.AffectedSopClassUid,
        _ => null,
    };

    private async Task DispatchAsync(DimseRequest request, IncomingMessage message, Admission? admission, bool awaitHandlers, CancellationToken cancellationToken)
    {
        if (admission?.Operation is not { } operation)
        {
            var (status, reason) = (admission?.Refusal ?? DimseStatus.ProcessingFailure, admission?.Reason);
            Log?.Invoke($"{request.CommandField} message {request.MessageId} from {Info.PeerAe} refused ({status}): {reason}");
            await SendCommandAsync(message.PresentationContextId, DimseResponses.For(request, status, reason).Encode(), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (awaitHandlers)
        {
            await RunHandlerAsync(request, message, operation).ConfigureAwait(false);
            return;
        }

        // Off the receive loop: a handler whose sends complete synchronously would otherwise keep the loop from
        // reading the C-CANCEL-RQ (or the C-STORE-RSPs of a C-GET) meant for it.
        var key = Interlocked.Increment(ref _handlerKey);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handlerTasks[key] = done.Task;
        _ = Task.Run(async () =>
        {
            try
            {
                await RunHandlerAsync(request, message, operation).ConfigureAwait(false);
            }
            finally
            {
                _handlerTasks.TryRemove(key, out _);
                done.SetResult();
            }
        }, CancellationToken.None);
    }

    // Never throws: a handler that fails before its final response gets one sent for it (0110 Processing Failure).
    private async Task RunHandlerAsync(DimseRequest request, IncomingMessage message, Operation operation)
    {
        try
        {
            await _handler.HandleAsync(this, request, message, operation.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Log?.Invoke($"{request.CommandField} message {request.MessageId} from {Info.PeerAe} failed: {ex.Message}");
            if (!operation.HasEnded && ex is not ObjectDisposedException)
            {
                await TrySendAsync(message.PresentationContextId, DimseResponses.For(request, DimseStatus.ProcessingFailure, ErrorComment.Fit(ex.Message))).ConfigureAwait(false);
            }
        }
        finally
        {
            EndOperation(operation);
            operation.Dispose();
        }
    }

    private async Task TrySendAsync(byte presentationContextId, DimseMessage message)
    {
        try
        {
            await SendAsync(presentationContextId, message, null, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            Log?.Invoke($"Could not answer {Info.PeerAe}: {ex.Message}");
        }
    }

    private void EndOperation(ushort messageId)
    {
        if (_running.TryGetValue(messageId, out var operation))
        {
            EndOperation(operation);
        }
    }

    private void EndOperation(Operation operation)
    {
        if (!operation.TryEnd())
        {
            return;
        }

        _running.TryRemove(new KeyValuePair<ushort, Operation>(operation.MessageId, operation));
        try
        {
            _slots.Release();
        }
        catch (ObjectDisposedException)
        {
            // The channel is gone; nobody waits for the slot.
        }
    }

    private async Task CancelAsync(CCancelRequest cancel)
    {
        if (_running.TryGetValue(cancel.MessageIdBeingRespondedTo, out var operation))
        {
            Log?.Invoke($"C-CANCEL-RQ from {Info.PeerAe} for message {cancel.MessageIdBeingRespondedTo}");
            await operation.CancelAsync().ConfigureAwait(false);
        }
    }

    private void CancelRunning()
    {
        foreach (var operation in _running.Values)
        {
            operation.Cancel();
        }
    }

    /// <summary>A command set the message reader refused: answered when a response can be addressed, else A-ABORT (false: the loop ends).</summary>
    private async Task<bool> AnswerUnreadableAsync(IncomingMessage message, DimseFormatException error, CancellationToken cancellationToken)
    {
        var answer = UnreadableCommand.Answer(message.CommandSet.Span, error.Message);
        Log?.Invoke($"Unreadable command from {Info.PeerAe}: {error.Message} ({(answer.Ignore ? "dropped" : answer.Response is null ? "aborting" : "answered")})");
        if (answer.Ignore)
        {
            return true;
        }

        if (answer.Response is { } response)
        {
            await SendCommandAsync(message.PresentationContextId, response, null, cancellationToken).ConfigureAwait(false);
            return true;
        }

        await _association.AbortAsync(CancellationToken.None).ConfigureAwait(false);
        FailAll(new DicomNetworkException($"Aborted the association with {Info.PeerAe}: {error.Message}", error));
        return false;
    }

    private sealed record Admission(Operation? Operation, DimseStatus? Refusal, string? Reason);

    /// <summary>One request being performed: its cancellation (C-CANCEL-RQ, association end) and whether its slot was freed.</summary>
    private sealed class Operation(ushort messageId, CancellationTokenSource cancellation) : IDisposable
    {
        private int _ended;

        public ushort MessageId => messageId;

        public CancellationToken Token => cancellation.Token;

        public bool HasEnded => Volatile.Read(ref _ended) == 1;

        public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

        public void Cancel()
        {
            try
            {
                cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public async Task CancelAsync()
        {
            try
            {
                await cancellation.CancelAsync().ConfigureAwait(false);
            }
            catch (ObjectDisposedException)
            {
            }
        }

        public void Dispose() => cancellation.Dispose();
    }
}
