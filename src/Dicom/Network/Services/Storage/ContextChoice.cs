namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>An accepted presentation context as the sender sees it.</summary>
public sealed record AcceptedContext(byte Id, string AbstractSyntax, string TransferSyntax);

/// <summary>
/// Chooses the accepted context to send an object on: one whose transfer syntax is the object's
/// (no transcoding), else one with an uncompressed syntax when the object is uncompressed (we transcode),
/// else a clear error naming the SOP class, the object's syntax and what the peer accepted.
/// </summary>
public static class ContextChoice
{
    public static AcceptedContext Choose(IReadOnlyList<AcceptedContext> accepted, string sopClassUid, string transferSyntaxUid, string peerAe)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        var forClass = accepted.Where(c => c.AbstractSyntax == sopClassUid).ToList();
        var exact = forClass.FirstOrDefault(c => c.TransferSyntax == transferSyntaxUid);
        if (exact is not null)
        {
            return exact;
        }

        if (ContextPlanner.IsUncompressed(transferSyntaxUid))
        {
            var convertible = forClass.FirstOrDefault(c => ContextPlanner.IsUncompressed(c.TransferSyntax));
            if (convertible is not null)
            {
                return convertible;
            }
        }

        var offered = forClass.Count == 0 ? "no context for it" : "only " + string.Join(", ", forClass.Select(c => c.TransferSyntax));
        throw new NoAcceptedContextException(
            $"Peer {peerAe} accepted {offered}; cannot send SOP class {sopClassUid} in {transferSyntaxUid} (we transcode only among uncompressed syntaxes).");
    }
}
