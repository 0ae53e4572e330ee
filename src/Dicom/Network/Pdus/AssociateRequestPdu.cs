using Conformance.Dicom.Network.Pdus.Items;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RQ, type 0x01 (PS3.8 9.3.2).</summary>
public sealed record AssociateRequestPdu(
    string CalledAe,
    string CallingAe,
    ApplicationContextItem ApplicationContext,
    IReadOnlyList<PresentationContextRequestItem> PresentationContexts,
    UserInformationItem UserInformation,
    ushort ProtocolVersion = 1) : IPdu
{
    public PduType Type => PduType.AssociateRequest;

    public int EncodedLength
    {
        get
        {
            var length = PduHeader.Size + AssociateBody.FixedSize + ApplicationContext.EncodedLength + UserInformation.EncodedLength;
            foreach (var pc in PresentationContexts)
            {
                length += pc.EncodedLength;
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        PduHeader.Write(destination, Type, (uint)(total - PduHeader.Size));
        AssociateBody.WriteFixed(destination[PduHeader.Size..], ProtocolVersion, CalledAe, CallingAe);
        var position = PduHeader.Size + AssociateBody.FixedSize;
        position += ApplicationContext.Write(destination[position..]);
        foreach (var pc in PresentationContexts)
        {
            position += pc.Write(destination[position..]);
        }

        position += UserInformation.Write(destination[position..]);
        return position;
    }

    /// <summary>Parses the PDU body (after the 6-byte header).</summary>
    public static AssociateRequestPdu Parse(ReadOnlySpan<byte> body)
    {
        var (version, called, calling) = AssociateBody.ReadFixed(body);
        ApplicationContextItem? context = null;
        UserInformationItem? userInformation = null;
        var contexts = new List<PresentationContextRequestItem>();
        var reader = new ItemSequenceReader(body[AssociateBody.FixedSize..], PduHeader.Size + AssociateBody.FixedSize);
        while (reader.MoveNext())
        {
            switch (reader.Type)
            {
                case ApplicationContextItem.ItemType:
                    context = ApplicationContextItem.Parse(reader.Value, reader.ValueOffset);
                    break;
                case PresentationContextRequestItem.ItemType:
                    contexts.Add(PresentationContextRequestItem.Parse(reader.Value, reader.ValueOffset));
                    break;
                case UserInformationItem.ItemType:
                    userInformation = UserInformationItem.Parse(reader.Value, reader.ValueOffset);
                    break;
                default:
                    // PS3.8 9.3.1: items of unrecognised types are ignored.
                    break;
            }
        }

        AssociateBody.RequireItems(context, userInformation, "A-ASSOCIATE-RQ");
        if (contexts.Count == 0)
        {
            throw new PduFormatException("A-ASSOCIATE-RQ proposes no presentation context", PduHeader.Size + AssociateBody.FixedSize);
        }

        return new AssociateRequestPdu(called, calling, context!, contexts, userInformation!, version);
    }
}
