using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>Association abort, PS3.8 table 9-9.</summary>
internal static class AbortActions
{
    /// <summary>AA-1: send A-ABORT (service-user source), start ARTIM for the close.</summary>
    public static async ValueTask<UlEventData?> AA1(ActionContext c)
    {
        // The PDU goes out before waiters learn the failure: one of them may dispose (close) at once.
        c.Association.StartArtim();
        await c.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
        c.Association.Fail(ProtocolError(c));
        return null;
    }

    /// <summary>AA-2: stop ARTIM, close the transport.</summary>
    public static ValueTask<UlEventData?> AA2(ActionContext c)
    {
        c.Association.StopArtim();
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-3: A-ABORT or A-P-ABORT indication (the peer aborted), close the transport.</summary>
    public static ValueTask<UlEventData?> AA3(ActionContext c)
    {
        var abort = ((AbortReceived)c.Data).Pdu;
        c.Association.Fail(new AssociationAbortedException(abort.Source, abort.Reason, true, c.Transition.From, c.PeerAe, "A-ABORT received from the peer"));
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-4: A-P-ABORT indication (the transport closed under us).</summary>
    public static ValueTask<UlEventData?> AA4(ActionContext c)
    {
        var detail = (c.Data as TransportClosed)?.Detail ?? "transport connection closed by the peer";
        c.Association.Fail(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, true, c.Transition.From, c.PeerAe, detail));
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-5: stop ARTIM (closed in Sta2).</summary>
    public static ValueTask<UlEventData?> AA5(ActionContext c) => AA2(c);

    /// <summary>AA-6: ignore the PDU (Sta13).</summary>
    public static ValueTask<UlEventData?> AA6(ActionContext c) => ActionContext.NoFollowUp;

    /// <summary>AA-7: send A-ABORT (Sta13).</summary>
    public static async ValueTask<UlEventData?> AA7(ActionContext c)
    {
        await c.SendAsync(new AbortPdu(AbortSource.ServiceProvider, ReasonOf(c.Data))).ConfigureAwait(false);
        return null;
    }

    /// <summary>AA-8: send A-ABORT (service-provider source), A-P-ABORT indication, start ARTIM.</summary>
    public static async ValueTask<UlEventData?> AA8(ActionContext c)
    {
        c.Association.StartArtim();
        await c.SendAsync(new AbortPdu(AbortSource.ServiceProvider, ReasonOf(c.Data))).ConfigureAwait(false);
        c.Association.Fail(ProtocolError(c));
        return null;
    }

    private static AbortReason ReasonOf(UlEventData data) => data is InvalidPduReceived invalid ? invalid.Reason : AbortReason.UnexpectedPdu;

    /// <summary>Why we abort; the first recorded failure wins, so a local abort keeps the reason its caller gave.</summary>
    private static AssociationAbortedException ProtocolError(ActionContext c) =>
        new(AbortSource.ServiceProvider, ReasonOf(c.Data), false, c.Transition.From, c.PeerAe, (c.Data as InvalidPduReceived)?.Detail ?? $"protocol error: {c.Transition.Event} in {c.Transition.From}");
}
