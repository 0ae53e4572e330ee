using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>The association's single reader loop: frames PDUs, decodes them into events, enforces ARTIM and idle timers.</summary>
public sealed partial class DicomAssociation
{
    private Task _readerTask = Task.CompletedTask;
    private CancellationTokenSource _readTimer = new();
    private long _artimDeadline;
    private long _lastActivity = Stopwatch.GetTimestamp();

    private void StartReader() => _readerTask = Task.Run(RunReaderAsync);

    private async Task RunReaderAsync()
    {
        try
        {
            while (State != AssociationState.Sta1)
            {
                if (await NextEventAsync().ConfigureAwait(false) is not { } received)
                {
                    continue;
                }

                try
                {
                    await _driver.FireReceivedAsync(received).ConfigureAwait(false);
                }
                catch (PduFormatException ex)
                {
                    await _driver.FireReceivedAsync(new InvalidPduReceived(ex.AbortReason, ex.Message)).ConfigureAwait(false);
                }
                catch (PduTimeoutException ex)
                {
                    // A slice of a streamed P-DATA-TF trickled in.
                    await AbortNowAsync(PduTimedOut(ex)).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
                {
                    // Disposed while waiting for a receiver: end now.
                    CloseTransport();
                    break;
                }
                catch (OperationCanceledException) when (_stopDelivery.IsCancellationRequested)
                {
                    // Failed (aborted) while waiting for a receiver: drop the message, keep reading until the close.
                    _assembler.FailPending(Failure);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            SetFailure(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, State, _peerAe, "reader stopped: " + ex.Message, ex));
            CloseTransport();
        }
        catch (Exception ex)
        {
            // A defect of ours (or an allocation the machine cannot make): the peer still learns by A-ABORT.
            SetFailure(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, State, _peerAe, "internal error while reading: " + ex.Message, ex));
            await AbortNowAsync(null).ConfigureAwait(false);
            CloseTransport();
        }
        finally
        {
            lock (_stateLock)
            {
                _machine.Reset(AssociationState.Sta1);
            }

            _reader?.Dispose();
            Finish();
        }
    }

    /// <summary>Reads one PDU within the running timer and decodes it into an event (null: keep reading).</summary>
    private async ValueTask<UlEventData?> NextEventAsync()
    {
        ReceivedPdu pdu;
        try
        {
            pdu = await ReadWithTimersAsync().ConfigureAwait(false);
        }
        catch (PduFormatException ex)
        {
            return new InvalidPduReceived(ex.AbortReason, ex.Message);
        }
        catch (PduTimeoutException ex)
        {
            await AbortNowAsync(PduTimedOut(ex)).ConfigureAwait(false);
            return null;
        }
        catch (TimerFiredException fired)
        {
            if (fired.ArtimExpired)
            {
                return UlSignal.ArtimExpired;
            }

            // A timer outside Sta2/Sta13 ends the association with A-ABORT (AA-1), which restarts ARTIM for the close.
            await AbortNowAsync(null).ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return new TransportClosed(_connection!.IsClosed ? "transport connection closed" : "transport connection failed: " + ex.Message);
        }

        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
        if (pdu.EndOfStream)
        {
            return TransportClosed.ByPeer;
        }

        Options.Monitor?.PduReceived(pdu.Type, pdu.Length, Stopwatch.GetTimestamp());
        if (pdu.IsStreamed)
        {
            return new DataReceived(default, IsStreamed: true);
        }

        try
        {
            return ToEvent(PduDecoder.Decode(pdu.Type, pdu.Body));
        }
        catch (PduFormatException ex)
        {
            return new InvalidPduReceived(ex.AbortReason, ex.Message);
        }
    }

    private UlEventData ToEvent(IPdu pdu)
    {
        switch (pdu)
        {
            case DataTransferPdu data:
                return new DataReceived(data.Body, IsStreamed: false);
            case AssociateRequestPdu request:
                _peerAe = request.CallingAe;
                return new AssociateRequestReceived(request);
            case AssociateAcceptPdu accept:
                return new AssociateAcceptReceived(accept, NegotiatedBy(accept));
            case AssociateRejectPdu reject:
                return new AssociateRejectReceived(AssociationRejection.FromPdu(reject));
            case ReleaseRequestPdu:
                return UlSignal.ReleaseRequestReceived;
            case ReleaseResponsePdu:
                return UlSignal.ReleaseResponseReceived;
            case AbortPdu abort:
                return new AbortReceived(abort);
            default:
                throw new InvalidOperationException($"The decoder returned {pdu.GetType().Name}, which maps to no event");
        }
    }

    /// <summary>
    /// The receive timer for the current state: ARTIM when running, idle on an established association.
    /// A timer started by another task (release, abort) interrupts the read so the wait is re-evaluated.
    /// Disposal closes the socket, which ends any read; no per-read token linking is needed.
    /// </summary>
    private async ValueTask<ReceivedPdu> ReadWithTimersAsync()
    {
        while (true)
        {
            var timer = Volatile.Read(ref _readTimer);
            if (!timer.TryReset())
            {
                timer = new CancellationTokenSource();
                Volatile.Write(ref _readTimer, timer);
            }

            var now = Stopwatch.GetTimestamp();
            var artim = Interlocked.Read(ref _artimDeadline);
            var state = State;
            var wait = Timeout.InfiniteTimeSpan;
            var which = AssociationTimer.Artim;
            if (artim != 0)
            {
                wait = Stopwatch.GetElapsedTime(now, Math.Max(now, artim));
            }
            else if (state == AssociationState.Sta6 && Options.IdleTimeout != Timeout.InfiniteTimeSpan)
            {
                wait = Options.IdleTimeout - Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity), now);
                which = AssociationTimer.Idle;
            }

            if (wait != Timeout.InfiniteTimeSpan)
            {
                if (wait <= TimeSpan.Zero)
                {
                    throw TimerFired(which, state);
                }

                timer.CancelAfter(wait);
            }

            try
            {
                return await _reader!.ReadAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !_lifetime.IsCancellationRequested)
            {
                // A timer expired or was restarted, or something was sent meanwhile: re-evaluate.
            }
        }
    }

    internal void StartArtim()
    {
        Interlocked.Exchange(ref _artimDeadline, Stopwatch.GetTimestamp() + (long)(Options.ArtimTimeout.TotalSeconds * Stopwatch.Frequency));
        InterruptRead();
    }

    internal void StopArtim() => Interlocked.Exchange(ref _artimDeadline, 0);

    /// <summary>Makes the reader re-evaluate its timer now (ARTIM was started from another task).</summary>
    private void InterruptRead()
    {
        try
        {
            Volatile.Read(ref _readTimer).Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed: the reader is gone.
        }
    }

    /// <summary>A begun PDU did not complete in time: in Sta2/Sta13 the abort finds no entry and the transport is simply closed.</summary>
    private AssociationTimeoutException PduTimedOut(PduTimeoutException ex) =>
        new(AssociationTimer.PduCompletion, Options.PduReadTimeout, State, _peerAe, "the rest of a PDU: " + ex.Message);

    /// <summary>ARTIM in Sta2/Sta13 is event 18; our other timers record why and abort (event 15).</summary>
    private TimerFiredException TimerFired(AssociationTimer timer, AssociationState state)
    {
        if (timer == AssociationTimer.Idle)
        {
            SetFailure(new AssociationTimeoutException(AssociationTimer.Idle, Options.IdleTimeout, state, _peerAe, "any PDU on an idle association"));
            return new TimerFiredException(false);
        }

        if (state is AssociationState.Sta2 or AssociationState.Sta13)
        {
            if (state == AssociationState.Sta2)
            {
                SetFailure(new AssociationTimeoutException(AssociationTimer.Artim, Options.ArtimTimeout, state, _peerAe, "A-ASSOCIATE-RQ"));
            }

            return new TimerFiredException(true);
        }

        var waitingFor = state == AssociationState.Sta5 ? "A-ASSOCIATE-AC/RJ" : "A-RELEASE-RP";
        SetFailure(new AssociationTimeoutException(AssociationTimer.Artim, Options.ArtimTimeout, state, _peerAe, waitingFor));
        return new TimerFiredException(false);
    }

    private sealed class TimerFiredException(bool artimExpired) : Exception
    {
        public bool ArtimExpired { get; } = artimExpired;
    }
}
