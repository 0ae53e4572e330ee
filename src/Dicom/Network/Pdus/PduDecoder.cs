namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// Decodes a PDU body of a known type into its object form: the one decoder the association's reader
/// loop, the tests' Parrot peer and the golden-byte tests share. A P-DATA-TF comes back as a checked
/// view on <paramref name="body"/> (see <see cref="DataTransferPdu"/>), valid as long as the body is.
/// </summary>
public static class PduDecoder
{
    public static IPdu Decode(PduType type, ReadOnlyMemory<byte> body) => type switch
    {
        PduType.AssociateRequest => AssociateRequestPdu.Parse(body.Span),
        PduType.AssociateAccept => AssociateAcceptPdu.Parse(body.Span),
        PduType.AssociateReject => AssociateRejectPdu.Parse(body.Span),
        PduType.ReleaseRequest => ReleaseRequestPdu.Parse(body.Span),
        PduType.ReleaseResponse => ReleaseResponsePdu.Parse(body.Span),
        PduType.Abort => AbortPdu.Parse(body.Span),
        PduType.DataTransfer => DataTransferPdu.Parse(body),
        _ => throw new PduFormatException($"Unrecognised PDU type 0x{(byte)type:X2}", 0, AbortReason.UnrecognizedPdu),
    };
}
