using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>
/// The outcome for one proposed presentation context. <see cref="ScuRole"/>/<see cref="ScpRole"/>
/// are the roles of the association REQUESTOR after role negotiation (default: SCU only).
/// </summary>
public sealed record NegotiatedPresentationContext(
    byte Id,
    string AbstractSyntax,
    string TransferSyntax,
    PresentationContextResult Result,
    bool ScuRole = true,
    bool ScpRole = false)
{
    public bool IsAccepted => Result == PresentationContextResult.Acceptance;
}
