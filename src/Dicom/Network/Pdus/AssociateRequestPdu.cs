using Conformance.Dicom.Network.Pdus.Items;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ, type 0x01 (PS3.8 9.3.2).</summary>
public sealed record AssociateRequestPdu(
    string CalledAe,
    string CallingAe,
    ApplicationContextItem ApplicationContext,
    IReadOnlyList<PresentationContextRequestItem> PresentationContexts,
    UserInformationItem UserInformation,
    ushort ProtocolVersion = 1)
    : AssociatePdu<PresentationContextRequestItem>(CalledAe, CallingAe, ApplicationContext, PresentationContexts, UserInformation, ProtocolVersion)
{
    public override PduType Type => PduType.AssociateRequest;

    /// <summary>Parses the PDU body (after the 6-byte header).</summary>
    public static AssociateRequestPdu Parse(ReadOnlySpan<byte> body)
    {
        var b = ReadBody(body, "A-ASSOCIATE-RQ");
        if (b.PresentationContexts.Count == 0)
        {
            throw new PduFormatException("A-ASSOCIATE-RQ proposes no presentation context", PduHeader.Size + FixedSize);
        }

        return new AssociateRequestPdu(b.CalledAe, b.CallingAe, b.ApplicationContext, b.PresentationContexts, b.UserInformation, b.ProtocolVersion);
    }
}
