

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

        // PS3.8 7.1.1.13 and 9.3.2.2: an ID names one proposed context, and the A-ASSOCIATE-AC answers each
        // by its ID; two proposals under one ID cannot both be answered, so the request is invalid (A-ABORT).
        var seen = new HashSet<byte>();
        foreach (var pc in b.PresentationContexts)
        {
            if (!seen.Add(pc.Id))
            {
                throw new PduFormatException($"A-ASSOCIATE-RQ proposes presentation context ID {pc.Id} twice", PduHeader.Size + FixedSize, AbortReason.InvalidPduParameterValue);
            }
        }

        return new AssociateRequestPdu(b.CalledAe, b.CallingAe, b.ApplicationContext, b.PresentationContexts, b.UserInformation, b.ProtocolVersion);
    }
}
