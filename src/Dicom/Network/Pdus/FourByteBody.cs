namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ, A-RELEASE-RQ/RP and A-ABORT all carry exactly 4 body bytes.</summary>
internal static class FourByteBody
{
    public const int EncodedLength = PduHeader.Size + 4;

    public static int Write(Span<byte> destination, PduType type, byte b0, byte b1, byte b2, byte b3)
    {
        PduHeader.Write(destination, type, 4);
        destination[6] = b0;
        destination[7] = b1;
        destination[8] = b2;
        destination[9] = b3;
        return EncodedLength;
    }

    public static void RequireLength(ReadOnlySpan<byte> body, string pdu)
    {
        if (body.Length != 4)
        {
            throw new PduFormatException($"{pdu} has a {body.Length}-byte body instead of 4", 2);
        }
    }
}
