using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>Association abort, PS3.8 table 9-9. Every A-ABORT sent or received, and every lost connection, is logged with why.</summary>
internal static class AbortActions
{
    /// <summary>AA-1: send A-ABORT (service-user source), start ARTIM for the close.</summary>
    public static async ValueTask<UlEventData?> AA1(ActionContext c)
    {
        // The PDU goes out before waiters learn the failure: one of them may dispose (close) at once.
        c.Association.StartArtim();
        await c.SendAsync(new AbortPdu(AbortSource.ServiceUser, AbortReason.NotSpecified)).ConfigureAwait(false);
        var why = c.Transition.Event == UlEvent.Evt15 ? c.Association.Failure?.Message ?? "aborted by the local user" : AssociationLog.WhyAbort(c.Data, c.Transition);
        c.Association.Log(AssociationLog.AbortSent(c.Association.PeerDescription, c.Transition.From, AbortSource.ServiceUser, AbortReason.NotSpecified, why));
        c.Association.Fail(ProtocolError(c));
        return null;
    }

    /// <summary>AA-2: stop ARTIM, close the transport (ARTIM expired in Sta2/Sta13, A-ABORT received in Sta2/Sta13, abort while connecting).</summary>
    public static ValueTask<UlEventData?> AA2(ActionContext c)
    {
        c.Association.StopArtim();
        switch (c.Data)
        {
            case AbortReceived received:
                c.Association.Log($"A-ABORT received from {c.Association.PeerDescription} in {c.Transition.From} ({AssociationLog.Values(received.Pdu.Source, received.Pdu.Reason)}); connection closed");
                break;
            case { Event: UlEvent.Evt18 } when c.Transition.From == AssociationState.Sta2:
                c.Association.Log($"connection from {c.Association.PeerDescription} closed: no A-ASSOCIATE-RQ within ARTIM ({c.Association.Options.ArtimTimeout.TotalSeconds:0.###} s)");
                break;
            case { Event: UlEvent.Evt18 }:
                c.Association.Log($"connection with {c.Association.PeerDescription} closed: the peer did not close within ARTIM ({c.Association.Options.ArtimTimeout.TotalSeconds:0.###} s) after {c.Transition.From}");
                break;
        }

        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-3: A-ABORT or A-P-ABORT indication (the peer aborted), close the transport.</summary>
    public static ValueTask<UlEventData?> AA3(ActionContext c)
    {
        var abort = ((AbortReceived)c.Data).Pdu;
        c.Association.Log($"A-ABORT received from {c.Association.PeerDescription} in {c.Transition.From} ({AssociationLog.Values(abort.Source, abort.Reason)})");
        c.Association.Fail(new AssociationAbortedException(abort.Source, abort.Reason, true, c.Transition.From, c.PeerAe, "A-ABORT received from the peer"));
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-4: A-P-ABORT indication (the transport closed under us).</summary>
    public static ValueTask<UlEventData?> AA4(ActionContext c)
    {
        var detail = (c.Data as TransportClosed)?.Detail ?? "transport connection closed by the peer";
        c.Association.Log($"connection with {c.Association.PeerDescription} lost in {c.Transition.From}, without release: {detail}");
        c.Association.Fail(new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, true, c.Transition.From, c.PeerAe, detail));
        c.Association.CloseTransport();
        return ActionContext.NoFollowUp;
    }

    /// <summary>AA-5: stop ARTIM (closed in Sta2).</summary>
    public static ValueTask<UlEventData?> AA5(ActionContext c)
    {
        var detail = (c.Data as TransportClosed)?.Detail ?? "closed by the peer";
        c.Association.Log($"connection from {c.Association.PeerDescription} closed before an association (Sta2): {detail}");
        return AA2(c);
    }

    /// <summary>AA-6: ignore the PDU (Sta13).</summary>
    public static ValueTask<UlEventData?> AA6(ActionContext c) => ActionContext.NoFollowUp;

    /// <summary>AA-7: send A-ABORT (Sta13).</summary>
    public static async ValueTask<UlEventData?> AA7(ActionContext c)
    {
        await c.SendAsync(new AbortPdu(AbortSource.ServiceProvider, ReasonOf(c.Data))).ConfigureAwait(false);
        c.Association.Log(AssociationLog.AbortSent(c.Association.PeerDescription, c.Transition.From, AbortSource.ServiceProvider, ReasonOf(c.Data), AssociationLog.WhyAbort(c.Data, c.Transition)));
        return null;
    }

    /// <summary>AA-8: send A-ABORT (service-provider source), A-P-ABORT indication, start ARTIM.</summary>
    public static async ValueTask<UlEventData?> AA8(ActionContext c)
    {
        c.Association.StartArtim();
        await c.SendAsync(new AbortPdu(AbortSource.ServiceProvider, ReasonOf(c.Data))).ConfigureAwait(false);
        c.Association.Log(AssociationLog.AbortSent(c.Association.PeerDescription, c.Transition.From, AbortSource.ServiceProvider, ReasonOf(c.Data), AssociationLog.WhyAbort(c.Data, c.Transition)));
        c.Association.Fail(ProtocolError(c));
        return null;
    }

    private static AbortReason ReasonOf(UlEventData data) => data is InvalidPduReceived invalid ? invalid.Reason : AbortReason.UnexpectedPdu;

    /// <summary>Why we abort; the first recorded failure wins, so a local abort keeps the reason its caller gave.</summary>
    private static AssociationAbortedException ProtocolError(ActionContext c) =>
        new(AbortSource.ServiceProvider, ReasonOf(c.Data), false, c.Transition.From, c.PeerAe, (c.Data as InvalidPduReceived)?.Detail ?? $"protocol error: {c.Transition.Event} in {c.Transition.From}");
}
