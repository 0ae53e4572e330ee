using System.Diagnostics;
using System.Threading.Channels;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// One DICOM association, either side. One reader loop per association owns the receive buffer and
/// drives the PS3.8 state machine; user calls (send, release, abort) fire their events under the
/// socket lock so that state order and wire order agree. Opened with <see cref="ConnectAsync"/>
/// (requestor) or handed out by <see cref="DicomListener"/> (acceptor).
/// </summary>
public sealed partial class DicomAssociation : IAsyncDisposable
{
    private readonly DicomConnection _connection;
    private readonly PduReader _reader;
    private readonly UpperLayerStateMachine _machine;
    private readonly Lock _stateLock = new();
    private readonly SemaphoreSlim _socketLock = new(1, 1);
    private readonly SemaphoreSlim _messageLock = new(1, 1);
    private readonly Channel<ReceiveRequest> _receivers = Channel.CreateUnbounded<ReceiveRequest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _lifetime = new();
    private readonly CancellationTokenSource _readTimeout = new();
    private readonly MessageAssembler _assembler;
    private Exception? _failure;
    private AssociationInfo? _info;
    private volatile bool _peerReleased;
    private long _artimDeadline;
    private long _lastActivity;
    private string _peerAe;
    private Task _readerTask = Task.CompletedTask;

    private DicomAssociation(DicomConnection connection, ConnectionOptions options, bool isRequestor, AssociationState initial, uint ourMaxPduLength, string peerAe)
    {
        _connection = connection;
        Options = options;
        _machine = new UpperLayerStateMachine(isRequestor, initial);
        _reader = new PduReader(connection, ourMaxPduLength);
        _assembler = new MessageAssembler(this);
        _peerAe = peerAe;
        _lastActivity = Stopwatch.GetTimestamp();
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
    public TransportCounters Counters => _connection.Counters;

    /// <summary>Completes when the association has ended (transport closed), whatever the reason.</summary>
    public Task Completion => _closed.Task;

    /// <summary>Why the association ended abnormally; null while open or after a clean release.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>True once the peer asked to release (A-RELEASE-RQ received).</summary>
    public bool PeerReleased => _peerReleased;

    internal Task Established => _established.Task;

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
        if (!_receivers.Writer.TryWrite(request))
        {
            return await EndedResultAsync().ConfigureAwait(false);
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
            await FireLocalAsync(UlEvent.Evt9, ct).ConfigureAwait(false);
            var fragmenter = new MessageFragmenter(this, Info.PeerMaxPduLength);
            await fragmenter.SendAsync(presentationContextId, commandSet, data, ct).ConfigureAwait(false);
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

            await FireLocalAsync(UlEvent.Evt11, ct).ConfigureAwait(false);
        }
        finally
        {
            _messageLock.Release();
        }

        await _released.Task.WaitAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Aborts the association (A-ABORT, service-user source) and waits, within ARTIM, for the transport to close.</summary>
    public Task AbortAsync(CancellationToken ct = default) =>
        AbortForAsync(new AssociationAbortedException(AbortSource.ServiceUser, AbortReason.NotSpecified, false, State, _peerAe, "aborted by the local user"), ct);

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
            else if (state != AssociationState.Sta1)
            {
                await AbortAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is DicomNetworkException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Disposal is best effort: the transport is closed below in every case.
        }

        await _lifetime.CancelAsync().ConfigureAwait(false);
        _connection.Close();
        try
        {
            await _readerTask.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is DicomNetworkException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The reader records its failure in Failure; nothing to add here.
        }

        _lifetime.Dispose();
        _readTimeout.Dispose();
    }

    public override string ToString() => $"association {(_info is null ? _peerAe : $"{_info.CallingAe} -> {_info.CalledAe}")} ({State})";
}
