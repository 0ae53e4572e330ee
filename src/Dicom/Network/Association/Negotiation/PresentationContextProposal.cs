namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>
/// One presentation context an SCU proposes: an abstract syntax, its transfer syntaxes in order of
/// preference and, optionally, the SCU/SCP roles it asks for (needed for C-GET storage sub-operations).
/// </summary>
public sealed record PresentationContextProposal(string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes, RoleSelection? Roles = null)
{
    public PresentationContextProposal(string abstractSyntax, params string[] transferSyntaxes)
        : this(abstractSyntax, (IReadOnlyList<string>)transferSyntaxes)
    {
    }
}
