using System.Diagnostics;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>State changes, failures, and the end of the association: who learns what, and when.</summary>
public sealed partial class DicomAssociation
{
    /// <summary>Releases an established association (aborting if that fails) and frees the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            var state = State;
            if (state == AssociationState.Sta6 && Failure is null)
            {
                using var bound = new CancellationTokenSource(Options.ArtimTimeout);
                await ReleaseAsync(bound.Token).ConfigureAwait(false);
            }
            else if (state is not AssociationState.Sta1 and not AssociationState.Sta13)
            {
                // Disposal does not wait out ARTIM for the peer's close: send A-ABORT and close.
                SetFailure(new AssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, false, state, _peerAe, "aborted by disposal"));
                await _driver.FireLocalAsync(UlSignal.AbortRequest, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DicomNetworkException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Disposal is best effort: the transport is closed below in every case.
        }

        if (_peerReleased && !Completion.IsCompleted)
        {
            // Our A-RELEASE-RP may still be on its way: let the peer close first (AR-4, bounded by ARTIM).
            await Completion.WaitAsync(Options.ArtimTimeout).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        CloseTransport();
        try
        {
            await _readerTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The reader records its failure in Failure; nothing to add here.
        }

        _lifetime.Dispose();
        _readTimer.Dispose();
        _delivery.Dispose();
        _stopDelivery.Dispose();
    }

    internal bool TryFire(UlEventData data, out Transition transition)
    {
        lock (_stateLock)
        {
            return _machine.TryFire(data.Event, out transition, data is not AssociateRequestReceived request || request.AcceptableToProvider);
        }
    }

    internal void Report(Transition transition) => Options.Monitor?.StateChanged(transition, Stopwatch.GetTimestamp());

    internal void Fail(Exception failure) => SetFailure(failure);

    internal void MarkReleaseRequested() => _receivers.MarkReleaseRequested();

    internal void ConfirmRelease() => _outcome.ConfirmRelease();

    internal ValueTask DeliverAsync(DataReceived data) =>
        data.IsStreamed ? _assembler.DeliverStreamedAsync(_reader!, _delivery.Token) : _assembler.DeliverAsync(data.Body, _delivery.Token);

    internal ValueTask<ReceiveRequest?> TakeReceiverAsync(CancellationToken ct) => _receivers.TakeAsync(ct);

    /// <summary>AR-2/AR-8: what arrived before the A-RELEASE-RQ was delivered; nothing more will (an unfinished message ends).</summary>
    internal void PeerAskedToRelease() => _assembler.FailPending(null);

    /// <summary>
    /// AR-4/AR-8: pending and later receives return null. Called once our A-RELEASE-RP is sent (AR-4): a waiter that
    /// disposes the association at once then finds Sta13 and closes, where in Sta8 disposal would have to abort.
    /// </summary>
    internal void ReleaseAnswered()
    {
        _peerReleased = true;
        _receivers.EndWaiting(null);
    }

    internal void ThrowIfEnded()
    {
        if (Failure is { } failure)
        {
            throw failure;
        }
    }

    private async Task AbortForAsync(AssociationAbortedException reason, CancellationToken ct = default)
    {
        SetFailure(reason);
        try
        {
            await _driver.FireLocalAsync(UlSignal.AbortRequest, ct).ConfigureAwait(false);
        }
        catch (DicomNetworkException)
        {
            // Already ending (Sta1 or Sta13): nothing to send.
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            CloseTransport();
        }

        try
        {
            // AA-1 waits in Sta13 for the peer to close, bounded by ARTIM.
            await Completion.WaitAsync(Options.ArtimTimeout + TimeSpan.FromSeconds(1), ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _lifetime.CancelAsync().ConfigureAwait(false);
            CloseTransport();
        }
    }

    /// <summary>Event 15 now, without waiting for the peer's close: records <paramref name="reason"/> (when given) first.</summary>
    private async Task AbortNowAsync(Exception? reason)
    {
        if (reason is not null)
        {
            SetFailure(reason);
        }

        try
        {
            await _driver.FireLocalAsync(UlSignal.AbortRequest, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            // No A-ABORT in this state (Sta2, Sta13): the connection is simply closed, and the log says why.
            if (reason is not null && !_connection!.IsClosed)
            {
                Log($"connection with {PeerDescription} closed in {State}: {reason.Message}");
                FlushLog();
            }

            CloseTransport();
        }
    }

    /// <summary>Records the first failure and tells every waiter at once (they need not wait for the transport to close).</summary>
    private void SetFailure(Exception failure)
    {
        if (!_outcome.TryFail(failure))
        {
            return;
        }

        try
        {
            _stopDelivery.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing is delivering any more.
        }

        _receivers.EndWaiting(failure);
    }

    /// <summary>Runs when the reader loop ends: every waiter learns the outcome.</summary>
    private void Finish()
    {
        var failure = Failure;
        _receivers.Close(failure);
        _assembler.FailPending(failure);
        _outcome.Close(failure ?? new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, AssociationState.Sta1, _peerAe, "association ended"));
    }
}
