namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ, type 0x03 (PS3.8 9.3.4): reserved, result, source, reason/diag.</summary>
public sealed record AssociateRejectPdu(AssociateRejectResult Result, AssociateRejectSource Source, byte Reason) : IPdu
{
    public PduType Type => PduType.AssociateReject;

    public int EncodedLength => FourByteBody.EncodedLength;

    public int Write(Span<byte> destination) =>
        FourByteBody.Write(destination, Type, 0, (byte)Result, (byte)Source, Reason);

    public static AssociateRejectPdu Parse(ReadOnlySpan<byte> body)
    {
        FourByteBody.RequireLength(body, "A-ASSOCIATE-RJ");
        if (body[1] is < 1 or > 2)
        {
            throw new PduFormatException($"A-ASSOCIATE-RJ result {body[1]} is not defined", 7);
        }

        if (body[2] is < 1 or > 3)
        {
            throw new PduFormatException($"A-ASSOCIATE-RJ source {body[2]} is not defined", 8);
        }

        return new AssociateRejectPdu((AssociateRejectResult)body[1], (AssociateRejectSource)body[2], body[3]);
    }
}
