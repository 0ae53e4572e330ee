namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RQ, type 0x05 (PS3.8 9.3.6): four reserved bytes.</summary>
public sealed record ReleaseRequestPdu : IPdu
{
    public static readonly ReleaseRequestPdu Instance = new();

    public PduType Type => PduType.ReleaseRequest;

    public int EncodedLength => FourByteBody.EncodedLength;

    public int Write(Span<byte> destination) => FourByteBody.Write(destination, Type, 0, 0, 0, 0);

    public static ReleaseRequestPdu Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.RequireLength(body, "A-RELEASE-RQ");
        return Instance;
    }
}
