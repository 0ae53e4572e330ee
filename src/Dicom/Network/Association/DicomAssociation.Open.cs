using System.Net.Sockets;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>Opening an association: what each side brings to negotiation, and the transport it runs on.</summary>
public sealed partial class DicomAssociation
{
    private Requestor? _requestor;
    private Acceptor? _acceptor;
    private DicomConnection? _connection;
    private PduReader? _reader;

    internal string PeerAe => _peerAe;

    internal bool IsRequestor => _machine.IsRequestor;

    internal AssociateRequestPdu RequestPdu => _requestor?.Pdu ?? throw new InvalidOperationException("Only the requestor sends A-ASSOCIATE-RQ");

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
        var association = new DicomAssociation(options, isRequestor: true, request.MaxPduLength, request.CalledAe)
        {
            _requestor = new Requestor(request, RequestorNegotiation.BuildRequest(request)),
        };
        try
        {
            // AE-1 connects, AE-2 sends A-ASSOCIATE-RQ.
            await association._driver.FireLocalAsync(new TransportConnectRequested(request.Host, request.Port), ct).ConfigureAwait(false);
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        association.StartReader();
        try
        {
            await association.Established.WaitAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return association;
    }

    /// <summary>Starts the acceptor side on an accepted connection: AE-5 (ARTIM running, Sta2), reader loop running.</summary>
    internal static async Task<DicomAssociation> StartAcceptorAsync(DicomConnection connection, ConnectionOptions options, AcceptancePolicy policy, Func<bool> admit)
    {
        var association = new DicomAssociation(options, isRequestor: false, policy.MaxPduLength, connection.RemoteEndPoint?.ToString() ?? "peer")
        {
            _acceptor = new Acceptor(policy, admit),
        };
        association.Attach(connection);
        await association._driver.FireLocalAsync(UlSignal.TransportIndication, CancellationToken.None).ConfigureAwait(false);
        association.StartReader();
        return association;
    }

    /// <summary>AE-1: the TCP connection to the called AE, within the connection timer.</summary>
    internal async ValueTask OpenTransportAsync(string host, int port, CancellationToken ct)
    {
        try
        {
            Attach(await DicomConnection.ConnectAsync(host, port, Options, ct).ConfigureAwait(false));
        }
        catch (TimeoutException)
        {
            throw new AssociationTimeoutException(AssociationTimer.Connection, Options.ConnectTimeout, AssociationState.Sta4, _peerAe, $"the TCP connection to {host}:{port}");
        }
        catch (SocketException ex)
        {
            throw new DicomNetworkException($"Cannot connect to {_peerAe} at {host}:{port}: {ex.Message}", ex);
        }
    }

    /// <summary>Sta3: the local user (our policy) answers the indication with event 7 (accept) or 8 (reject).</summary>
    internal UlEventData Decide(AssociateRequestPdu request)
    {
        var acceptor = _acceptor ?? throw new InvalidOperationException("Only the acceptor decides an A-ASSOCIATE-RQ");
        return AcceptorNegotiation.Decide(request, acceptor.Policy, _connection?.RemoteEndPoint?.Address, acceptor.Admit);
    }

    /// <summary>What an A-ASSOCIATE-AC means against our request (null on the acceptor side); a contradiction is a <see cref="PduFormatException"/> (event 19).</summary>
    private AssociationInfo? NegotiatedBy(AssociateAcceptPdu accept) =>
        _requestor is { } r ? RequestorNegotiation.ReadAccept(r.Request, r.Pdu, accept) : null;

    internal void Establish(AssociationInfo info)
    {
        _info = info with { RemoteEndPoint = _connection?.RemoteEndPoint, LocalEndPoint = _connection?.LocalEndPoint, Tls = _connection?.Tls };
        _outcome.Establish();
    }

    private void Attach(DicomConnection connection)
    {
        _connection = connection;
        _reader = new PduReader(connection, _ourMaxPduLength);
        _lifetime.Token.Register(connection.Close);
    }

    private sealed record Requestor(AssociationRequest Request, AssociateRequestPdu Pdu);

    private sealed record Acceptor(AcceptancePolicy Policy, Func<bool> Admit);
}
