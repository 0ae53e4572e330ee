using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Services.Scu;

/// <summary>Where and how the SCU connects. Immutable; derive variants with <c>with</c>.</summary>
public sealed record DicomScuOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required string CalledAe { get; init; }

    public string CallingAe { get; init; } = "CONFORMANCE";

    public ConnectionOptions Connection { get; init; } = ConnectionOptions.Default;

    /// <summary>Largest P-DATA-TF body we accept; 0 = unlimited.</summary>
    public uint MaxPduLength { get; init; } = AssociationRequest.DefaultMaxPduLength;

    /// <summary>Asynchronous operations window proposed for C-STORE pipelining; null = synchronous.</summary>
    public AsyncOperationsWindow? AsyncOperations { get; init; } = StoreAssociationSender.DefaultAsyncOperations;

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public UserIdentity? UserIdentity { get; init; }

    internal AssociationRequest Request(IReadOnlyList<PresentationContextProposal> contexts, bool asyncWindow) => new()
    {
        Host = Host,
        Port = Port,
        CalledAe = CalledAe,
        CallingAe = CallingAe,
        PresentationContexts = contexts,
        MaxPduLength = MaxPduLength,
        AsyncOperations = asyncWindow ? AsyncOperations : null,
        UserIdentity = UserIdentity,
    };
}
