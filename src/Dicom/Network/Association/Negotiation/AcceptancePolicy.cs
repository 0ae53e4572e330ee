using Conformance.Dicom.Network.Security;

namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>
/// What an SCP accepts (immutable; derive with <c>with</c> or the <c>With*</c> helpers): AE titles,
/// abstract syntaxes with transfer syntaxes in preference order and roles, a limit on concurrent
/// associations, our maximum PDU, the asynchronous operations window and user identity checks.
/// </summary>
public sealed record AcceptancePolicy
{
    public const uint DefaultMaxPduLength = 256 * 1024;

    /// <summary>Called AE titles answered to; null = any.</summary>
    public IReadOnlySet<string>? CalledAeTitles { get; init; }

    /// <summary>Calling AE titles accepted; null = any.</summary>
    public IReadOnlySet<string>? CallingAeTitles { get; init; }

    /// <summary>Calling AE titles accepted, each optionally only from some source addresses (CALLING@10.0.0.0/8); null = any.</summary>
    public IReadOnlyList<AeAccessRule>? CallingAeRules { get; init; }

    public IReadOnlyList<AbstractSyntaxPolicy> AbstractSyntaxes { get; init; } = [];

    /// <summary>When set, any abstract syntax not listed is accepted with these transfer syntaxes (in preference order).</summary>
    public IReadOnlyList<string>? AnyAbstractSyntaxTransferSyntaxes { get; init; }

    /// <summary>
    /// Concurrent connections, counted from accept (Sta2, still waiting for A-ASSOCIATE-RQ) to close; the next one is
    /// rejected "local limit exceeded" (transient) once its request arrives, and beyond as many again waiting for that
    /// answer a connection is closed at once. 0 = unlimited.
    /// </summary>
    public int MaxAssociations { get; init; }

    /// <summary>Largest P-DATA-TF body we accept, announced in A-ASSOCIATE-AC; 0 = unlimited.</summary>
    public uint MaxPduLength { get; init; } = DefaultMaxPduLength;

    /// <summary>Window we support; null = do not answer a proposed window (synchronous operation).</summary>
    public AsyncOperationsWindow? AsyncOperations { get; init; }

    /// <summary>Decides a presented user identity; null accepts every identity. A false answer rejects the association (<see cref="AssociationRejection.UserIdentityNotAccepted"/>).</summary>
    public Func<UserIdentity, bool>? UserIdentityValidator { get; init; }

    /// <summary>
    /// The user identities accepted (PS3.7 D.3.3.7); when set, every association must present one of them, else it is
    /// rejected (<see cref="AssociationRejection.UserIdentityNotAccepted"/>). Null = no identity required.
    /// </summary>
    public UserCredentials? Credentials { get; init; }

    public string ImplementationClassUid { get; init; } = DicomImplementation.ClassUid;

    public string ImplementationVersionName { get; init; } = DicomImplementation.VersionName;

    /// <summary>A policy answering to one AE title and accepting Verification in the uncompressed little endian syntaxes.</summary>
    public static AcceptancePolicy ForVerification(string aeTitle) => new AcceptancePolicy
    {
        CalledAeTitles = new HashSet<string>(StringComparer.Ordinal) { aeTitle },
    }.WithAbstractSyntax(NegotiationUids.Verification, NegotiationUids.ExplicitVrLittleEndian, NegotiationUids.ImplicitVrLittleEndian);

    public AcceptancePolicy WithAbstractSyntax(string abstractSyntax, params string[] transferSyntaxes) =>
        this with { AbstractSyntaxes = [.. AbstractSyntaxes, new AbstractSyntaxPolicy(abstractSyntax, transferSyntaxes)] };

    public AcceptancePolicy WithAbstractSyntax(AbstractSyntaxPolicy policy) =>
        this with { AbstractSyntaxes = [.. AbstractSyntaxes, policy] };

    public AbstractSyntaxPolicy? Find(string abstractSyntax)
    {
        foreach (var policy in AbstractSyntaxes)
        {
            if (string.Equals(policy.AbstractSyntax, abstractSyntax, StringComparison.Ordinal))
            {
                return policy;
            }
        }

        return AnyAbstractSyntaxTransferSyntaxes is { } any ? new AbstractSyntaxPolicy(abstractSyntax, any) : null;
    }
}
