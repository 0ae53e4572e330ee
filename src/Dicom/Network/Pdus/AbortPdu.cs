namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ABORT, type 0x07 (PS3.8 9.3.8): reserved, reserved, source, reason/diag.</summary>
public sealed record AbortPdu(AbortSource Source, AbortReason Reason) : IPdu
{
    public PduType Type => PduType.Abort;

    public int EncodedLength => FourByteBody.EncodedLength;

    public int Write(Span<byte> destination) =>
        FourByteBody.Write(destination, Type, 0, 0, (byte)Source, (byte)Reason);

    public static AbortPdu Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.RequireLength(body, "A-ABORT");
        // Source and reason are reported as received, even when not defined: the peer is leaving anyway.
        return new AbortPdu((AbortSource)body[2], (AbortReason)body[3]);
    }
}
