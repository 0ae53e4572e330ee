using System.Globalization;
using System.Text;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// The wording of the association's log lines (<see cref="Transport.ConnectionOptions.Log"/>): for the DICOM
/// administrator reading `conformance scp`, so each line names the peer (AE title and address), the state, the
/// values on the wire (result/source/reason, A-ABORT source/reason) and why in words. Text from the peer is escaped.
/// </summary>
internal static class AssociationLog
{
    /// <summary>Control and non-ASCII characters as \xNN: a peer's AE title must not be able to forge log lines.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(c => c < 0x20 || c > 0x7E))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c is < (char)0x20 or > (char)0x7E ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}") : c.ToString());
        }

        return escaped.ToString();
    }

    public static string Values(AssociationRejection r) =>
        $"result {(byte)r.Result} {r.Result}, source {(byte)r.Source} {r.Source}, reason {r.Reason} {r.ReasonText}";

    public static string Values(AbortSource source, AbortReason reason) => $"source {(byte)source} {source}, reason {(byte)reason} {reason}";

    public static string Rejected(string peer, AssociationRejection rejection, string why) =>
        $"association from {peer} rejected (A-ASSOCIATE-RJ {Values(rejection)}): {why}";

    /// <summary>Why an A-ABORT is sent on a received event: the malformed PDU's fault, or the PDU the state did not expect.</summary>
    public static string WhyAbort(UlEventData data, Transition transition) => data switch
    {
        InvalidPduReceived invalid => "invalid PDU: " + invalid.Detail,
        _ => $"unexpected {Received(transition.Event)} ({transition.Event}) in {transition.From}",
    };

    public static string AbortSent(string peer, AssociationState state, AbortSource source, AbortReason reason, string why) =>
        $"A-ABORT sent to {peer} in {state} ({Values(source, reason)}): {why}";

    public static string Accepted(string peer, AssociationInfo info)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"association accepted: {peer} -> {info.CalledAe}");
        line.Append(info.Tls is { } tls ? $", TLS {tls}" : ", plain TCP");
        if (info.UserIdentity is { } identity)
        {
            line.Append(", user identity ").Append(Printable(identity.ToString()));
        }

        line.Append(CultureInfo.InvariantCulture, $", peer max PDU {info.PeerMaxPduLength}");
        if (info.PeerImplementationClassUid is { } implementation)
        {
            line.Append(", implementation ").Append(Printable(implementation)).Append(' ').Append(Printable(info.PeerImplementationVersionName ?? string.Empty));
        }

        line.Append("; contexts accepted: ").AppendJoin(", ", info.PresentationContexts.Where(c => c.IsAccepted).Select(Accepted).DefaultIfEmpty("none"));
        var refused = info.PresentationContexts.Where(c => !c.IsAccepted).Select(NotAccepted).ToList();
        if (refused.Count > 0)
        {
            line.Append("; not accepted: ").AppendJoin(", ", refused);
        }

        return line.ToString();
    }

    private static string Accepted(NegotiatedPresentationContext context) =>
        string.Create(CultureInfo.InvariantCulture, $"{context.Id} {Printable(context.AbstractSyntax)} in {context.TransferSyntax}{(context.ScpRole ? " (requestor may act as SCP)" : string.Empty)}");

    private static string NotAccepted(NegotiatedPresentationContext context) => string.Create(CultureInfo.InvariantCulture, $"{context.Id} {Printable(context.AbstractSyntax)} ({context.Result switch
    {
        PresentationContextResult.NoReason when (context.Id & 1) == 0 => "even ID: presentation context IDs are odd, PS3.8 9.3.2.2",
        PresentationContextResult.AbstractSyntaxNotSupported => "abstract syntax not supported",
        PresentationContextResult.TransferSyntaxesNotSupported => "transfer syntaxes not supported",
        PresentationContextResult.UserRejection => "rejected by the user",
        _ => "no reason",
    }})");

    private static string Received(UlEvent received) => received switch
    {
        UlEvent.Evt3 => "A-ASSOCIATE-AC",
        UlEvent.Evt4 => "A-ASSOCIATE-RJ",
        UlEvent.Evt6 => "A-ASSOCIATE-RQ",
        UlEvent.Evt10 => "P-DATA-TF",
        UlEvent.Evt12 => "A-RELEASE-RQ",
        UlEvent.Evt13 => "A-RELEASE-RP",
        UlEvent.Evt16 => "A-ABORT",
        _ => received.ToString(),
    };
}
