using Conformance.Dicom.Network.Association.Negotiation;

namespace Conformance.Dicom.Network.Association;

/// <summary>A received command set, handed to the sink chooser before any data set byte is read.</summary>
public sealed record IncomingCommand(
    byte PresentationContextId,
    NegotiatedPresentationContext PresentationContext,
    ReadOnlyMemory<byte> CommandSet,
    bool HasDataSet);
