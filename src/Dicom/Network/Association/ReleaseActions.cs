using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>Association release, PS3.8 table 9-8, including both sides of a release collision (AR-8..AR-10).</summary>
internal static class ReleaseActions
{
    /// <summary>AR-1: send A-RELEASE-RQ; ARTIM bounds the wait for A-RELEASE-RP.</summary>
    public static async ValueTask<UlEventData?> AR1(ActionContext c)
    {
        c.Association.StartArtim();
        c.Association.MarkReleaseRequested();
        await c.SendAsync(ReleaseRequestPdu.Instance).ConfigureAwait(false);
        return null;
    }

    /// <summary>AR-2: A-RELEASE indication; we always answer at once (event 14) after what arrived before it.</summary>
    public static ValueTask<UlEventData?> AR2(ActionContext c)
    {
        c.Association.Log($"association with {c.Association.PeerDescription} released by the peer ({c.Association.Counters.PdusReceived} PDUs received, {c.Association.Counters.PdusSent} sent)");
        c.Association.PeerAskedToRelease();
        return ValueTask.FromResult<UlEventData?>(UlSignal.ReleaseResponse);
    }

    /// <summary>AR-3: A-RELEASE confirmation, close the transport.</summary>
    public static ValueTask<UlEventData?> AR3(ActionContext c)
    {
        c.Association.StopArtim();
        c.Association.ConfirmRelease();
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AR-4: send A-RELEASE-RP, start ARTIM for the peer's close; only then do receivers learn the association is released.</summary>
    public static async ValueTask<UlEventData?> AR4(ActionContext c)
    {
        c.Association.StartArtim();
        await c.SendAsync(ReleaseResponsePdu.Instance).ConfigureAwait(false);
        c.Association.ReleaseAnswered();
        return null;
    }

    /// <summary>AR-5: stop ARTIM (the transport closed in Sta13).</summary>
    public static ValueTask<UlEventData?> AR5(ActionContext c)
    {
        c.Association.StopArtim();
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AR-8: A-RELEASE indication during our own release (collision): the requestor answers at once, the acceptor waits for our RP.</summary>
    public static ValueTask<UlEventData?> AR8(ActionContext c)
    {
        c.Association.PeerAskedToRelease();
        c.Association.ReleaseAnswered();
        return ValueTask.FromResult<UlEventData?>(c.Association.IsRequestor ? UlSignal.ReleaseResponse : null);
    }

    /// <summary>AR-9: send A-RELEASE-RP (collision, requestor side).</summary>
    public static async ValueTask<UlEventData?> AR9(ActionContext c)
    {
        await c.SendAsync(ReleaseResponsePdu.Instance).ConfigureAwait(false);
        return null;
    }

    /// <summary>AR-10: A-RELEASE confirmation (collision, acceptor side); then our answer (event 14).</summary>
    public static ValueTask<UlEventData?> AR10(ActionContext c)
    {
        c.Association.ConfirmRelease();
        return ValueTask.FromResult<UlEventData?>(UlSignal.ReleaseResponse);
    }
}
