using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>One response to a request we sent, with its data set (identifier) bytes when it had one.</summary>
public sealed record DimseReply(
    DimseResponse Response,
    ReadOnlyMemory<byte> Data,
    NegotiatedPresentationContext Context,
    long ReceivedTimestamp)
{
    public bool IsFinal => !Response.Status.IsPending;
}
