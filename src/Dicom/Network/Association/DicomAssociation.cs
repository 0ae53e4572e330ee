using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// One DICOM association, either side: its state and its I/O. The protocol logic is elsewhere: the PS3.8
/// table (<see cref="TransitionTable"/>), one function per action (*Actions), run by the
/// <see cref="UpperLayerDriver"/>. One reader loop per association owns the receive buffer; user calls
/// (send, release, abort) fire their events under the socket lock so that state order and wire order
/// agree. Opened with <see cref="ConnectAsync"/> (requestor) or handed out by <see cref="DicomListener"/> (acceptor).
/// </summary>
public sealed partial class DicomAssociation : IAsyncDisposable
{
    private readonly UpperLayerStateMachine _machine;
    private readonly Lock _stateLock = new();
    private readonly SemaphoreSlim _messageLock = new(1, 1);
    private readonly ReceiveQueue _receivers = new();
    private readonly AssociationOutcome _outcome = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationTokenSource _stopDelivery = new();
    private readonly CancellationTokenSource _delivery;
    private readonly MessageAssembler _assembler;
    private readonly UpperLayerDriver _driver;
    private readonly uint _ourMaxPduLength;
    private AssociationInfo? _info;
    private volatile bool _peerReleased;
    private string _peerAe;

    private DicomAssociation(ConnectionOptions options, bool isRequestor, uint ourMaxPduLength, string peerAe)
    {
        Options = options;
        _machine = new UpperLayerStateMachine(isRequestor);
        _ourMaxPduLength = ourMaxPduLength;
        _assembler = new MessageAssembler(this);
        _driver = new UpperLayerDriver(this);
        _delivery = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, _stopDelivery.Token);
        _peerAe = peerAe;
    }

    /// <summary>What was negotiated; available once the association is established.</summary>
    public AssociationInfo Info => _info ?? throw new InvalidOperationException("The association is not established yet");

    public AssociationState State
    {
        get
        {
            lock (_stateLock)
            {
                return _machine.State;
            }
        }
    }

    public ConnectionOptions Options { get; }

    /// <summary>PDUs, bytes and socket sends so far.</summary>
    public TransportCounters Counters => _connection?.Counters ?? new TransportCounters();

    /// <summary>Completes when the association has ended (transport closed), whatever the reason.</summary>
    public Task Completion => _outcome.Closed;

    /// <summary>Why the association ended abnormally; null while open or after a clean release.</summary>
    public Exception? Failure => _outcome.Failure;

    /// <summary>True once the peer asked to release (A-RELEASE-RQ received).</summary>
    public bool PeerReleased => _peerReleased;

    internal Task Established => _outcome.Established;

    /// <summary>
    /// Receives the next whole DIMSE message. <paramref name="chooseSink"/> sees the command set before
    /// any data set byte is read and returns where the data set goes; it is only called for messages
    /// that have a data set. Returns null when the peer released the association.
    /// </summary>
    public ValueTask<IncomingMessage?> ReceiveAsync(Func<IncomingCommand, IMessageDataSink> chooseSink, CancellationToken ct) =>
        ReceiveAsync(chooseSink, Timeout.InfiniteTimeSpan, ct);

    /// <summary>
    /// As <see cref="ReceiveAsync(Func{IncomingCommand, IMessageDataSink}, CancellationToken)"/>, with the DIMSE
    /// timer: if no command set has arrived within <paramref name="dimseTimeout"/>, the association is
    /// aborted and <see cref="AssociationTimeoutException"/> (timer Dimse) is thrown.
    /// </summary>
    public async ValueTask<IncomingMessage?> ReceiveAsync(Func<IncomingCommand, IMessageDataSink> chooseSink, TimeSpan dimseTimeout, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(chooseSink);
        if (_peerReleased)
        {
            return null;
        }

        ThrowIfEnded();
        var request = new ReceiveRequest(chooseSink);
        if (!_receivers.TryAdd(request))
        {
            ThrowIfEnded();
            return null;
        }

        try
        {
            return await request.Task.WaitAsync(dimseTimeout, ct).ConfigureAwait(false);
        }
        catch (TimeoutException) when (request.TryWithdraw())
        {
            var timeout = new AssociationTimeoutException(AssociationTimer.Dimse, dimseTimeout, State, _peerAe, "a DIMSE message");
            await AbortForAsync(timeout, CancellationToken.None).ConfigureAwait(false);
            throw timeout;
        }
        catch (TimeoutException)
        {
            // Taken by the reader just as the timer fired: the message is arriving.
            return await request.Task.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!request.TryWithdraw())
        {
            return await request.Task.ConfigureAwait(false);
        }
    }

    // PS3.5 A.5: an odd deflated data set (from a file another tool wrote) goes out padded to even length.
    private static IMessageData? PaddedForContext(IMessageData? data, NegotiatedPresentationContext context) =>
        data is { Length: var length } && length % 2 != 0 && DicomTransferSyntax.TryLookup(context.TransferSyntax, out var syntax) && syntax.IsDeflated
            ? new EvenLengthMessageData(data)
            : data;

    /// <summary>
    /// Sends one DIMSE message: the encoded command set (implicit VR little endian) and optionally a data
    /// set, fragmented into PDVs within the peer's maximum PDU. Concurrent calls are serialised per message.
    /// </summary>
    public async ValueTask SendAsync(byte presentationContextId, ReadOnlyMemory<byte> commandSet, IMessageData? data, CancellationToken ct)
    {
        if (commandSet.IsEmpty)
        {
            throw new ArgumentException("A DIMSE message needs a command set", nameof(commandSet));
        }

        var context = Info.FindContext(presentationContextId);
        if (context is null || !context.IsAccepted)
        {
            throw new ArgumentException($"Presentation context {presentationContextId} was not accepted by {_peerAe}", nameof(presentationContextId));
        }

        await _messageLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var fragmenter = new MessageFragmenter(this, Info.PeerMaxPduLength);
            try
            {
                await fragmenter.SendAsync(presentationContextId, commandSet, PaddedForContext(data, context), ct).ConfigureAwait(false);
            }
            catch (AssociationStateException refused) when (refused.State is AssociationState.Sta7 or >= AssociationState.Sta9 and <= AssociationState.Sta12)
            {
                // The user sends while a release is under way: the message is lost, so the end must not look clean to the peer.
                await AbortNowAsync(new AssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, false, refused.State, _peerAe, "aborted: " + refused.Message, refused)).ConfigureAwait(false);
                throw;
            }
            catch (Exception ex) when (fragmenter.Started && ex is not DicomNetworkException)
            {
                // Part of the message is on the wire: nothing can follow it on this association.
                var aborted = new AssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, false, State, _peerAe, "message interrupted after its first PDUs went out: " + ex.Message, ex);
                await AbortNowAsync(aborted).ConfigureAwait(false);
                if (ex is OperationCanceledException)
                {
                    throw;
                }

                throw aborted;
            }
        }
        finally
        {
            _messageLock.Release();
        }
    }

    /// <summary>Releases the association (A-RELEASE-RQ, then waits for A-RELEASE-RP within ARTIM).</summary>
    public async Task ReleaseAsync(CancellationToken ct)
    {
        await _messageLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (State == AssociationState.Sta1 && Failure is null)
            {
                return;
            }

            await _driver.FireLocalAsync(UlSignal.ReleaseRequest, ct).ConfigureAwait(false);
        }
        finally
        {
            _messageLock.Release();
        }

        await _outcome.Released.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Aborts the association (A-ABORT, service-user source) and waits, within ARTIM, for the transport to close.</summary>
    public Task AbortAsync(CancellationToken ct = default) =>
        AbortForAsync(new AssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, false, State, _peerAe, "aborted by the local user"), ct);

    public override string ToString() => $"association {(_info is null ? _peerAe : $"{_info.CallingAe} -> {_info.CalledAe}")} ({State})";
}
