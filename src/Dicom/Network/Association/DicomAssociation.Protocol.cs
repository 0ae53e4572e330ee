using System.Diagnostics;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>The protocol machine's actions (PS3.8 9.2): fire an event, then perform what its action says.</summary>
public sealed partial class DicomAssociation
{
    /// <summary>Fires a local primitive's event and performs its sends while holding the socket lock.</summary>
    private async ValueTask FireLocalAsync(UlEvent evt, CancellationToken ct)
    {
        Transition transition;
        bool known;
        await _socketLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            lock (_stateLock)
            {
                known = _machine.TryFire(evt, out transition);
            }

            if (known)
            {
                switch (transition.Action)
                {
                    case UlAction.AR1:
                        StartArtim();
                        await WritePduLockedAsync(ReleaseRequestPdu.Instance).ConfigureAwait(false);
                        break;
                    case UlAction.AA1:
                        StartArtim();
                        await WritePduLockedAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
                        break;
                }
            }
        }
        finally
        {
            _socketLock.Release();
        }

        if (!known)
        {
            ThrowIfEnded();
            throw new AssociationStateException(transition.From, evt, _peerAe);
        }

        Report(transition);
        if (transition.Action == UlAction.AA2)
        {
            CloseTransport();
        }
    }

    private async Task AbortForAsync(AssociationAbortedException reason, CancellationToken ct = default)
    {
        SetFailure(reason);
        try
        {
            await FireLocalAsync(UlEvent.Evt15, ct).ConfigureAwait(false);
        }
        catch (DicomNetworkException)
        {
            // Already ending (Sta1 or Sta13): nothing to send.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            CloseTransport();
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        await _closed.Task.WaitAsync(Options.ArtimTimeout + TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
    }

    /// <summary>Fires a received (or follow-up) event and performs its action, then any follow-up event, without recursion.</summary>
    private async ValueTask HandleAsync(UlEvent evt, EventContext context, bool acceptableToProvider = true)
    {
        UlEvent? next = evt;
        while (next is { } current)
        {
            Transition transition;
            bool known;
            lock (_stateLock)
            {
                known = _machine.TryFire(current, out transition, acceptableToProvider);
            }

            if (!known)
            {
                // Only a follow-up A-RELEASE response can miss: the association moved on (aborted) meanwhile.
                return;
            }

            Report(transition);
            next = await PerformAsync(transition, context).ConfigureAwait(false);
        }
    }

    private async ValueTask<UlEvent?> PerformAsync(Transition transition, EventContext context)
    {
        switch (transition.Action)
        {
            case UlAction.AE3:
                StopArtim();
                _info = context.AcceptedInfo;
                _established.TrySetResult();
                return null;
            case UlAction.AE4:
                SetFailure(new AssociationRejectedException(context.Rejection!, _peerAe));
                CloseTransport();
                return null;
            case UlAction.AE6:
                StopArtim();
                if (transition.To == AssociationState.Sta13)
                {
                    StartArtim();
                    SetFailure(new AssociationRejectedException(AssociationRejection.ProtocolVersionNotSupported, _peerAe));
                    await WritePduAsync(AssociationRejection.ProtocolVersionNotSupported.ToPdu()).ConfigureAwait(false);
                    return null;
                }

                return DecideAssociation(context);
            case UlAction.AE7:
                await WritePduAsync(context.Accept!).ConfigureAwait(false);
                _info = context.AcceptedInfo;
                _established.TrySetResult();
                return null;
            case UlAction.AE8:
                StartArtim();
                SetFailure(new AssociationRejectedException(context.Rejection!, _peerAe));
                await WritePduAsync(context.Rejection!.ToPdu()).ConfigureAwait(false);
                return null;
            case UlAction.DT2:
            case UlAction.AR6:
                await _assembler.DeliverAsync(context.Body, _lifetime.Token).ConfigureAwait(false);
                return null;
            case UlAction.AR2:
                PeerAskedToRelease();
                return UlEvent.Evt14;
            case UlAction.AR3:
                StopArtim();
                _released.TrySetResult();
                CloseTransport();
                return null;
            case UlAction.AR4:
                StartArtim();
                await WritePduAsync(ReleaseResponsePdu.Instance).ConfigureAwait(false);
                return null;
            case UlAction.AR5:
            case UlAction.AA5:
            case UlAction.AA2:
                StopArtim();
                CloseTransport();
                return null;
            case UlAction.AR8:
                PeerAskedToRelease();
                return _machine.IsRequestor ? UlEvent.Evt14 : null;
            case UlAction.AR9:
                await WritePduAsync(ReleaseResponsePdu.Instance).ConfigureAwait(false);
                return null;
            case UlAction.AR10:
                _released.TrySetResult();
                return UlEvent.Evt14;
            case UlAction.AA1:
                StartArtim();
                SetFailure(ProtocolError(transition, context));
                await WritePduAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
                return null;
            case UlAction.AA3:
                SetFailure(new AssociationAbortedException(context.Abort!.Source, context.Abort.Reason, true, transition.From, _peerAe, "A-ABORT received from the peer"));
                CloseTransport();
                return null;
            case UlAction.AA4:
                SetFailure(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, true, transition.From, _peerAe, context.Detail ?? "transport connection closed by the peer"));
                CloseTransport();
                return null;
            case UlAction.AA6:
                return null;
            case UlAction.AA7:
                await WritePduAsync(new AbortPdu(AbortSource.ServiceProvider, context.AbortReason)).ConfigureAwait(false);
                return null;
            case UlAction.AA8:
                StartArtim();
                SetFailure(ProtocolError(transition, context));
                await WritePduAsync(new AbortPdu(AbortSource.ServiceProvider, context.AbortReason)).ConfigureAwait(false);
                return null;
            default:
                return null;
        }
    }

    private AssociationAbortedException ProtocolError(Transition transition, EventContext context) =>
        new(AbortSource.ServiceProvider, context.AbortReason, false, transition.From, _peerAe, context.Detail ?? $"protocol error: {transition.Event} in {transition.From}");

    private void PeerAskedToRelease()
    {
        _peerReleased = true;
        _assembler.FailPending(null);
        while (_receivers.Reader.TryRead(out var waiting))
        {
            waiting.Complete(null);
        }
    }

    private void Report(Transition transition) => Options.Monitor?.StateChanged(transition, Stopwatch.GetTimestamp());

    private void StartArtim() => Interlocked.Exchange(ref _artimDeadline, Stopwatch.GetTimestamp() + (long)(Options.ArtimTimeout.TotalSeconds * Stopwatch.Frequency));

    private void StopArtim() => Interlocked.Exchange(ref _artimDeadline, 0);

    private void SetFailure(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);

    private void CloseTransport() => _connection.Close();

    private void ThrowIfEnded()
    {
        var failure = Failure;
        if (failure is not null)
        {
            throw failure;
        }
    }

    private ValueTask<IncomingMessage?> EndedResultAsync()
    {
        ThrowIfEnded();
        return ValueTask.FromResult<IncomingMessage?>(null);
    }

    /// <summary>Runs when the reader loop ends: every waiter learns the outcome.</summary>
    private void Finish()
    {
        var failure = Failure;
        var ended = failure ?? new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, AssociationState.Sta1, _peerAe, "association ended");
        _established.TrySetException(failure ?? ended);
        if (failure is null)
        {
            _released.TrySetResult();
        }
        else
        {
            _released.TrySetException(failure);
        }

        _receivers.Writer.TryComplete();
        _assembler.FailPending(failure);
        while (_receivers.Reader.TryRead(out var waiting))
        {
            if (failure is null)
            {
                waiting.Complete(null);
            }
            else
            {
                waiting.Fail(failure);
            }
        }

        _established.Task.Exception?.Handle(_ => true);
        _released.Task.Exception?.Handle(_ => true);
        _closed.TrySetResult();
    }
}
