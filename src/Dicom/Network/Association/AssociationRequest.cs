using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>Everything an SCU asks for when it opens an association (PS3.8 A-ASSOCIATE request primitive).</summary>
public sealed record AssociationRequest
{
    /// <summary>PS3.8 limits the presentation context IDs to the odd numbers 1..255.</summary>
    public const int MaxPresentationContexts = 128;

    public const uint DefaultMaxPduLength = 256 * 1024;

    public string CallingAe { get; init; } = "CONFORMANCE";

    public required string CalledAe { get; init; }

    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>Proposed in this order, with IDs 1, 3, 5, ...</summary>
    public required IReadOnlyList<PresentationContextProposal> PresentationContexts { get; init; }

    /// <summary>Largest P-DATA-TF body we accept; 0 = unlimited.</summary>
    public uint MaxPduLength { get; init; } = DefaultMaxPduLength;

    /// <summary>Proposed asynchronous operations window; null = none proposed (synchronous).</summary>
    public AsyncOperationsWindow? AsyncOperations { get; init; }

    public UserIdentity? UserIdentity { get; init; }

    public IReadOnlyList<SopClassExtendedNegotiationItem> ExtendedNegotiations { get; init; } = [];

    public IReadOnlyList<SopClassCommonExtendedNegotiationItem> CommonExtendedNegotiations { get; init; } = [];

    public string ApplicationContext { get; init; } = ApplicationContextItem.DicomApplicationContext;

    public string ImplementationClassUid { get; init; } = DicomImplementation.ClassUid;

    public string ImplementationVersionName { get; init; } = DicomImplementation.VersionName;

    /// <summary>A Verification-only request, as echoscu sends.</summary>
    public static AssociationRequest ForVerification(string host, int port, string calledAe, string callingAe = "CONFORMANCE") => new()
    {
        Host = host,
        Port = port,
        CalledAe = calledAe,
        CallingAe = callingAe,
        PresentationContexts =
        [
            new PresentationContextProposal(NegotiationUids.Verification, NegotiationUids.ExplicitVrLittleEndian, NegotiationUids.ImplicitVrLittleEndian),
        ],
    };
}
