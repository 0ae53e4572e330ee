using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>The association's single reader loop: frames PDUs, maps them to events, enforces ARTIM and idle timers.</summary>
public sealed partial class DicomAssociation
{
    private void StartReader() => _readerTask = Task.Run(RunReaderAsync);

    private async Task RunReaderAsync()
    {
        try
        {
            while (State != AssociationState.Sta1)
            {
                var (evt, context, acceptable) = await NextEventAsync().ConfigureAwait(false);
                if (evt is not { } received)
                {
                    continue;
                }

                try
                {
                    await HandleAsync(received, context, acceptable).ConfigureAwait(false);
                }
                catch (PduFormatException ex)
                {
                    await HandleAsync(UlEvent.Evt19, new EventContext { AbortReason = ex.AbortReason, Detail = ex.Message }).ConfigureAwait(false);
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
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            SetFailure(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, State, _peerAe, "reader stopped: " + ex.Message, ex));
            CloseTransport();
        }
        finally
        {
            lock (_stateLock)
            {
                _machine.Reset(AssociationState.Sta1);
            }

            _reader.Dispose();
            Finish();
        }
    }

    /// <summary>Reads one PDU within the running timer and turns it into an event (null: keep reading).</summary>
    private async ValueTask<(UlEvent? Event, EventContext Context, bool Acceptable)> NextEventAsync()
    {
        ReceivedPdu pdu;
        try
        {
            pdu = await ReadWithTimersAsync().ConfigureAwait(false);
        }
        catch (PduFormatException ex)
        {
            return (UlEvent.Evt19, new EventContext { AbortReason = ex.AbortReason, Detail = ex.Message }, true);
        }
        catch (TimerFiredException fired)
        {
            if (fired.Event is { } e)
            {
                return (e, EventContext.Empty, true);
            }

            await AbortFromReaderAsync().ConfigureAwait(false);
            return (null, EventContext.Empty, true);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return (UlEvent.Evt17, new EventContext { Detail = _connection.IsClosed ? "transport connection closed" : "transport connection failed: " + ex.Message }, true);
        }

        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
        if (pdu.EndOfStream)
        {
            return (UlEvent.Evt17, EventContext.Empty, true);
        }

        Options.Monitor?.PduReceived(pdu.Type, pdu.Body.Length + PduHeader.Size, Stopwatch.GetTimestamp());
        return pdu.Type switch
        {
            PduType.DataTransfer => (UlEvent.Evt10, new EventContext { Body = pdu.Body }, true),
            PduType.ReleaseRequest => Decoded(UlEvent.Evt12, () => ReleaseRequestPdu.Parse(pdu.Body.Span), _ => new EventContext()),
            PduType.ReleaseResponse => Decoded(UlEvent.Evt13, () => ReleaseResponsePdu.Parse(pdu.Body.Span), _ => new EventContext()),
            PduType.Abort => Decoded(UlEvent.Evt16, () => AbortPdu.Parse(pdu.Body.Span), a => new EventContext { Abort = a }),
            PduType.AssociateReject => Decoded(UlEvent.Evt4, () => AssociateRejectPdu.Parse(pdu.Body.Span), r => new EventContext { Rejection = Negotiation.AssociationRejection.FromPdu(r) }),
            PduType.AssociateAccept => Decoded(UlEvent.Evt3, () => AssociateAcceptPdu.Parse(pdu.Body.Span), OnAccept),
            PduType.AssociateRequest => DecodedRequest(pdu.Body),
            _ => (UlEvent.Evt19, new EventContext { AbortReason = AbortReason.UnrecognizedPdu }, true),
        };
    }

    private static (UlEvent?, EventContext, bool) Decoded<T>(UlEvent evt, Func<T> parse, Func<T, EventContext> context)
    {
        try
        {
            return (evt, context(parse()), true);
        }
        catch (PduFormatException ex)
        {
            return (UlEvent.Evt19, new EventContext { AbortReason = ex.AbortReason, Detail = ex.Message }, true);
        }
    }

    private (UlEvent?, EventContext, bool) DecodedRequest(ReadOnlyMemory<byte> body)
    {
        try
        {
            var request = AssociateRequestPdu.Parse(body.Span);
            _peerAe = request.CallingAe;

            // PS3.8 9.3.2: bit 0 of the protocol version is version 1, the one we speak.
            return (UlEvent.Evt6, new EventContext { Request = request }, (request.ProtocolVersion & 1) != 0);
        }
        catch (PduFormatException ex)
        {
            return (UlEvent.Evt19, new EventContext { AbortReason = ex.AbortReason, Detail = ex.Message }, true);
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
                return await _reader.ReadAsync(timer.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timer.IsCancellationRequested && !_lifetime.IsCancellationRequested)
            {
                // A timer expired or was restarted, or something was sent meanwhile: re-evaluate.
            }
        }
    }

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

    private TimerFiredException TimerFired(AssociationTimer timer, AssociationState state)
    {
        if (timer == AssociationTimer.Idle)
        {
            SetFailure(new AssociationTimeoutException(AssociationTimer.Idle, Options.IdleTimeout, state, _peerAe, "any PDU on an idle association"));
            return new TimerFiredException(null);
        }

        if (state is AssociationState.Sta2 or AssociationState.Sta13)
        {
            if (state == AssociationState.Sta2)
            {
                SetFailure(new AssociationTimeoutException(AssociationTimer.Artim, Options.ArtimTimeout, state, _peerAe, "A-ASSOCIATE-RQ"));
            }

            return new TimerFiredException(UlEvent.Evt18);
        }

        var waitingFor = state == AssociationState.Sta5 ? "A-ASSOCIATE-AC/RJ" : "A-RELEASE-RP";
        SetFailure(new AssociationTimeoutException(AssociationTimer.Artim, Options.ArtimTimeout, state, _peerAe, waitingFor));
        return new TimerFiredException(null);
    }

    /// <summary>A timer outside Sta2/Sta13 ends the association with A-ABORT (event 15, AA-1), which restarts ARTIM for the close.</summary>
    private async Task AbortFromReaderAsync()
    {
        try
        {
            await FireLocalAsync(UlEvent.Evt15, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or ObjectDisposedException or SocketException)
        {
            CloseTransport();
        }
    }

    /// <summary>
    /// Waits for a ReceiveAsync caller to hand a completed command to (backpressure: the reader reads no
    /// further meanwhile). Once we asked to release, a message nobody waits for is dropped (null), so an
    /// unread message cannot keep the A-RELEASE-RP from being read.
    /// </summary>
    internal async ValueTask<ReceiveRequest?> TakeReceiverAsync(CancellationToken ct)
    {
        while (true)
        {
            while (_receivers.Reader.TryRead(out var request))
            {
                if (request.TryTake())
                {
                    return request;
                }
            }

            if (_releaseRequested.Task.IsCompleted)
            {
                return null;
            }

            var available = _receivers.Reader.WaitToReadAsync(ct).AsTask();
            if (await Task.WhenAny(available, _releaseRequested.Task).ConfigureAwait(false) == available && !await available.ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    private sealed class TimerFiredException(UlEvent? evt) : Exception
    {
        public UlEvent? Event { get; } = evt;
    }
}
