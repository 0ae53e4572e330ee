namespace Conformance.Dicom.Network.Pdus;

/// <summary>A PDU that knows its encoded size and writes itself in one pass.</summary>
public interface IPdu
{
    PduType Type { get; }

    /// <summary>Encoded length including the 6-byte PDU header.</summary>
    int EncodedLength { get; }

    /// <summary>Writes the whole PDU (header included) and returns the bytes written.</summary>
    int Write(Span<byte> destination);
}
