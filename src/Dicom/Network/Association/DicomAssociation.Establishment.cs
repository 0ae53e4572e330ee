using System.Net.Sockets;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>Association establishment, requestor side (AE-1..AE-4) and acceptor side (AE-5..AE-8).</summary>
public sealed partial class DicomAssociation
{
    private AssociationRequest? _request;
    private AssociateRequestPdu? _requestPdu;
    private AcceptancePolicy? _policy;
    private Func<int>? _establishedCount;

    /// <summary>
    /// Opens an association: TCP connect (connection timer), A-ASSOCIATE-RQ, then A-ASSOCIATE-AC within ARTIM.
    /// </summary>
    /// <exception cref="AssociationRejectedException">The peer answered A-ASSOCIATE-RJ.</exception>
    /// <exception cref="AssociationAbortedException">The peer aborted or closed the connection (or a timer fired: <see cref="AssociationTimeoutException"/>).</exception>
    /// <exception cref="DicomNetworkException">The TCP connection could not be made.</exception>
    public static async Task<DicomAssociation> ConnectAsync(AssociationRequest request, ConnectionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var requestPdu = RequestorNegotiation.BuildRequest(request);
        var machine = new UpperLayerStateMachine(isRequestor: true);
        machine.TryFire(UlEvent.Evt1, out var toConnect);
        DicomConnection connection;
        try
        {
            connection = await DicomConnection.ConnectAsync(request.Host, request.Port, options, ct).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new AssociationTimeoutException(AssociationTimer.Connection, options.ConnectTimeout, toConnect.To, request.CalledAe, $"the TCP connection to {request.Host}:{request.Port}");
        }
        catch (SocketException ex)
        {
            throw new DicomNetworkException($"Cannot connect to {request.CalledAe} at {request.Host}:{request.Port}: {ex.Message}", ex);
        }

        var association = new DicomAssociation(connection, options, isRequestor: true, AssociationState.Sta4, request.MaxPduLength, request.CalledAe)
        {
            _request = request,
            _requestPdu = requestPdu,
        };
        association.Report(toConnect);
        await association.SendAssociateRequestAsync().ConfigureAwait(false);
        association.StartReader();
        try
        {
            await association.Established.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return association;
    }

    /// <summary>Starts the acceptor side on an accepted connection: AE-5 (ARTIM running, Sta2), reader loop running.</summary>
    internal static DicomAssociation StartAcceptor(DicomConnection connection, ConnectionOptions options, AcceptancePolicy policy, Func<int> establishedCount)
    {
        var peer = connection.RemoteEndPoint?.ToString() ?? "peer";
        var association = new DicomAssociation(connection, options, isRequestor: false, AssociationState.Sta1, policy.MaxPduLength, peer)
        {
            _policy = policy,
            _establishedCount = establishedCount,
        };
        Transition transition;
        lock (association._stateLock)
        {
            association._machine.TryFire(UlEvent.Evt5, out transition);
        }

        association.StartArtim();
        association.Report(transition);
        association.StartReader();
        return association;
    }

    /// <summary>AE-2: transport connected (event 2), send A-ASSOCIATE-RQ and start waiting under ARTIM.</summary>
    private async ValueTask SendAssociateRequestAsync()
    {
        Transition transition;
        await _socketLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            lock (_stateLock)
            {
                _machine.TryFire(UlEvent.Evt2, out transition);
            }

            StartArtim();
            await WritePduLockedAsync(_requestPdu!).ConfigureAwait(false);
        }
        finally
        {
            _socketLock.Release();
        }

        Report(transition);
    }

    /// <summary>Reads an A-ASSOCIATE-AC against what we proposed; a contradiction becomes event 19.</summary>
    private EventContext OnAccept(AssociateAcceptPdu accept)
    {
        if (_request is null || _requestPdu is null)
        {
            // An acceptor receiving A-ASSOCIATE-AC: the table answers it (AA-1/AA-8).
            return new EventContext { Accept = accept };
        }

        var info = RequestorNegotiation.ReadAccept(_request, _requestPdu, accept) with
        {
            RemoteEndPoint = _connection.RemoteEndPoint,
            LocalEndPoint = _connection.LocalEndPoint,
        };
        return new EventContext { Accept = accept, AcceptedInfo = info };
    }

    /// <summary>Sta3: the local user (our policy) answers the indication with event 7 (accept) or 8 (reject).</summary>
    private UlEvent DecideAssociation(EventContext context)
    {
        var (rejection, accept, info) = AcceptorNegotiation.Decide(context.Request!, _policy!, _establishedCount?.Invoke() ?? 0);
        if (rejection is not null)
        {
            context.Rejection = rejection;
            return UlEvent.Evt8;
        }

        context.Accept = accept;
        context.AcceptedInfo = info! with
        {
            RemoteEndPoint = _connection.RemoteEndPoint,
            LocalEndPoint = _connection.LocalEndPoint,
        };
        return UlEvent.Evt7;
    }
}
