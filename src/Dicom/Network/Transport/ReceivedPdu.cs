using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Transport;

/// <summary>A PDU read by <see cref="PduReader"/>; its body is valid until the next read.</summary>
public readonly record struct ReceivedPdu(PduType Type, ReadOnlyMemory<byte> Body, bool EndOfStream)
{
    public static ReceivedPdu End => new(0, default, true);
}
