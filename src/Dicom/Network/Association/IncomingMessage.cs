using Conformance.Dicom.Network.Association.Negotiation;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// A whole received DIMSE message: its command set (implicit VR little endian, group 0000) and, when
/// it had one, the sink that received its data set. Timestamps are <see cref="System.Diagnostics.Stopwatch"/> ticks.
/// </summary>
public sealed record IncomingMessage(
    byte PresentationContextId,
    NegotiatedPresentationContext PresentationContext,
    ReadOnlyMemory<byte> CommandSet,
    IMessageDataSink? Data,
    long DataLength,
    long FirstFragmentTimestamp,
    long CompletedTimestamp)
{
    public bool HasDataSet => Data is not null;
}
