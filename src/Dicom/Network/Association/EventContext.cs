using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>What a received PDU (or a local decision) brings to the action that handles it.</summary>
internal sealed class EventContext
{
    public ReadOnlyMemory<byte> Body { get; init; }

    public AssociateRequestPdu? Request { get; init; }

    public AssociateAcceptPdu? Accept { get; set; }

    public AssociationInfo? AcceptedInfo { get; set; }

    public AssociationRejection? Rejection { get; set; }

    public AbortPdu? Abort { get; init; }

    public AbortReason AbortReason { get; init; } = AbortReason.UnexpectedPdu;

    public string? Detail { get; init; }

    public static EventContext Empty { get; } = new();
}
