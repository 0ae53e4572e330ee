

namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-AC, type 0x02 (PS3.8 9.3.3); the AE title fields echo the request.</summary>
public sealed record AssociateAcceptPdu(
    string CalledAe,
    string CallingAe,
    ApplicationContextItem ApplicationContext,
    IReadOnlyList<PresentationContextAcceptItem> PresentationContexts,
    UserInformationItem UserInformation,
    ushort ProtocolVersion = 1)
    : AssociatePdu<PresentationContextAcceptItem>(CalledAe, CallingAe, ApplicationContext, PresentationContexts, UserInformation, ProtocolVersion)
{
    public override PduType Type => PduType.AssociateAccept;

    /// <summary>Parses the PDU body (after the 6-byte header).</summary>
    public static AssociateAcceptPdu Parse(ReadOnlySpan<byte> body)
    {
        var b = ReadBody(body, "A-ASSOCIATE-AC");
        return new AssociateAcceptPdu(b.CalledAe, b.CallingAe, b.ApplicationContext, b.PresentationContexts, b.UserInformation, b.ProtocolVersion);
    }
}
