namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-RELEASE-RP, type 0x06 (PS3.8 9.3.7): four reserved bytes.</summary>
public sealed record ReleaseResponsePdu : IPdu
{
    public static readonly ReleaseResponsePdu Instance = new();

    public PduType Type => PduType.ReleaseResponse;

    public int EncodedLength => FourByteBody.EncodedLength;

    public int Write(Span<byte> destination) => FourByteBody.Write(destination, Type, 0, 0, 0, 0);

    public static ReleaseResponsePdu Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.RequireLength(body, "A-RELEASE-RP");
        return Instance;
    }
}
