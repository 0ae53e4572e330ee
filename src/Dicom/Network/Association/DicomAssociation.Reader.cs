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
                    // Disposed or aborted while waiting for a receiver: end now.
                    CloseTransport();
                    break;
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

    /// <summary>The receive timer for the current state: ARTIM when running, idle on an established association.</summary>
    private async ValueTask<ReceivedPdu> ReadWithTimersAsync()
    {
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            var artim = Interlocked.Read(ref _artimDeadline);
            var state = State;
            TimeSpan wait;
            AssociationTimer timer;
            if (artim != 0)
            {
                wait = Stopwatch.GetElapsedTime(now, Math.Max(now, artim));
                timer = AssociationTimer.Artim;
            }
            else if (state == AssociationState.Sta6 && Options.IdleTimeout != Timeout.InfiniteTimeSpan)
            {
                wait = Options.IdleTimeout - Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity), now);
                timer = AssociationTimer.Idle;
            }
            else
            {
                return await _reader.ReadAsync(_lifetime.Token).ConfigureAwait(false);
            }

            if (wait > TimeSpan.Zero)
            {
                _readTimeout.TryReset();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(_readTimeout.Token, _lifetime.Token);
                _readTimeout.CancelAfter(wait);
                try
                {
                    return await _reader.ReadAsync(linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_readTimeout.IsCancellationRequested && !_lifetime.IsCancellationRequested)
                {
                    // Fall through to re-check: ARTIM may have been stopped, or something was sent meanwhile.
                }

                continue;
            }

            throw TimerFired(timer, state);
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

    /// <summary>Waits for a ReceiveAsync caller to hand a completed command to (backpressure: the reader reads no further meanwhile).</summary>
    internal async ValueTask<ReceiveRequest?> TakeReceiverAsync(CancellationToken ct)
    {
        while (await _receivers.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (_receivers.Reader.TryRead(out var request))
            {
                if (request.TryTake())
                {
                    return request;
                }
            }
        }

        return null;
    }

    private sealed class TimerFiredException(UlEvent? evt) : Exception
    {
        public UlEvent? Event { get; } = evt;
    }
}
