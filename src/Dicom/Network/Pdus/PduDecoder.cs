namespace Conformance.Dicom.Network.Pdus;

/// <summary>Decodes a PDU body of a known type into its object form (P-DATA-TF excluded: see <see cref="PdvReader"/>).</summary>
public static class PduDecoder
{
    public static IPdu Decode(PduType type, ReadOnlySpan<byte> body) => type switch
    {
        PduType.AssociateRequest => AssociateRequestPdu.Parse(body),
        PduType.AssociateAccept => AssociateAcceptPdu.Parse(body),
        PduType.AssociateReject => AssociateRejectPdu.Parse(body),
        PduType.ReleaseRequest => ReleaseRequestPdu.Parse(body),
        PduType.ReleaseResponse => ReleaseResponsePdu.Parse(body),
        PduType.Abort => AbortPdu.Parse(body),
        PduType.DataTransfer => DataTransferPdu.Parse(body.ToArray()),
        _ => throw new PduFormatException($"Unrecognised PDU type 0x{(byte)type:X2}", 0, AbortReason.UnrecognizedPdu),
    };
}
