using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>Association establishment, PS3.8 table 9-6: AE-1..AE-4 requestor side, AE-5..AE-8 acceptor side.</summary>
internal static class EstablishmentActions
{
    /// <summary>AE-1: issue TRANSPORT CONNECT; its confirmation is event 2.</summary>
    public static async ValueTask<UlEventData?> AE1(ActionContext c)
    {
        var target = (TransportConnectRequested)c.Data;
        await c.Association.OpenTransportAsync(target.Host, target.Port, c.Cancellation).ConfigureAwait(false);
        return UlSignal.TransportConnected;
    }

    /// <summary>AE-2: send A-ASSOCIATE-RQ; ARTIM bounds the wait for the answer.</summary>
    public static async ValueTask<UlEventData?> AE2(ActionContext c)
    {
        c.Association.StartArtim();
        await c.SendAsync(c.Association.RequestPdu).ConfigureAwait(false);
        return null;
    }

    /// <summary>AE-3: A-ASSOCIATE confirmation (accept).</summary>
    public static ValueTask<UlEventData?> AE3(ActionContext c)
    {
        var accept = (AssociateAcceptReceived)c.Data;
        c.Association.StopArtim();
        c.Association.Establish(accept.Negotiated ?? throw new InvalidOperationException("AE-3 without a negotiated answer"));
        return ActionContext.NoFollowUp;
    }

    /// <summary>AE-4: A-ASSOCIATE confirmation (reject), close the transport.</summary>
    public static ValueTask<UlEventData?> AE4(ActionContext c)
    {
        c.Association.Fail(new AssociationRejectedException(((AssociateRejectReceived)c.Data).Rejection, c.PeerAe));
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AE-5: transport connection response; ARTIM bounds the wait for A-ASSOCIATE-RQ.</summary>
    public static ValueTask<UlEventData?> AE5(ActionContext c)
    {
        c.Association.StartArtim();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AE-6: stop ARTIM; an acceptable request goes to the local user (our policy: event 7 or 8), otherwise A-ASSOCIATE-RJ.</summary>
    public static async ValueTask<UlEventData?> AE6(ActionContext c)
    {
        c.Association.StopArtim();
        if (c.Transition.To != AssociationState.Sta13)
        {
            return c.Association.Decide(((AssociateRequestReceived)c.Data).Pdu);
        }

        c.Association.StartArtim();
        await c.SendAsync(AssociationRejection.ProtocolVersionNotSupported.ToPdu()).ConfigureAwait(false);
        var version = ((AssociateRequestReceived)c.Data).Pdu.ProtocolVersion;
        c.Association.Log(AssociationLog.Rejected(c.Association.PeerDescription, AssociationRejection.ProtocolVersionNotSupported, $"protocol version 0x{version:X4} does not include version 1 (bit 0)"));
        c.Association.Fail(new AssociationRejectedException(AssociationRejection.ProtocolVersionNotSupported, c.PeerAe));
        return null;
    }

    /// <summary>AE-7: send A-ASSOCIATE-AC; the association is established.</summary>
    public static async ValueTask<UlEventData?> AE7(ActionContext c)
    {
        var accept = (AssociateAcceptDecided)c.Data;
        await c.SendAsync(accept.Pdu).ConfigureAwait(false);
        c.Association.Establish(accept.Info);
        c.Association.Log(AssociationLog.Accepted(c.Association.PeerDescription, c.Association.Info));
        return null;
    }

    /// <summary>AE-8: send A-ASSOCIATE-RJ, start ARTIM for the close.</summary>
    public static async ValueTask<UlEventData?> AE8(ActionContext c)
    {
        var (rejection, why) = (AssociateRejectDecided)c.Data;
        c.Association.StartArtim();
        await c.SendAsync(rejection.ToPdu()).ConfigureAwait(false);
        c.Association.Log(AssociationLog.Rejected(c.Association.PeerDescription, rejection, why));
        c.Association.Fail(new AssociationRejectedException(rejection, c.PeerAe));
        return null;
    }
}
