using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// The body shared by A-ASSOCIATE-RQ and -AC (PS3.8 tables 9-11 and 9-17): protocol version, reserved,
/// called AE, calling AE, 32 reserved bytes (68 fixed bytes), then the application context item,
/// presentation context items and the user information item. Only the presentation context item differs.
/// </summary>
public abstract record AssociatePdu<TContext>(
    string CalledAe,
    string CallingAe,
    ApplicationContextItem ApplicationContext,
    IReadOnlyList<TContext> PresentationContexts,
    UserInformationItem UserInformation,
    ushort ProtocolVersion) : IPdu
    where TContext : IPresentationContextItem<TContext>
{
    public const int FixedSize = 68;

    public abstract PduType Type { get; }

    public int EncodedLength
    {
        get
        {
            var length = PduHeader.Size + FixedSize + ApplicationContext.EncodedLength + UserInformation.EncodedLength;
            foreach (var pc in PresentationContexts)
            {
                length += pc.EncodedLength;
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        PduHeader.Write(destination, Type, (uint)(EncodedLength - PduHeader.Size));
        var body = destination[PduHeader.Size..];
        BinaryPrimitives.WriteUInt16BigEndian(body, ProtocolVersion);
        body[2..4].Clear();
        AeTitle.Write(body[4..], CalledAe);
        AeTitle.Write(body[20..], CallingAe);
        body[36..FixedSize].Clear();
        var position = PduHeader.Size + FixedSize;
        position += ApplicationContext.Write(destination[position..]);
        foreach (var pc in PresentationContexts)
        {
            position += pc.Write(destination[position..]);
        }

        position += UserInformation.Write(destination[position..]);
        return position;
    }

    /// <summary>Reads the fixed fields and the items of a body (after the 6-byte header); unrecognised item types are ignored (PS3.8 9.3.1).</summary>
    protected static Body ReadBody(ReadOnlySpan<byte> body, string pdu)
    {
        if (body.Length < FixedSize)
        {
            throw new PduFormatException($"{pdu} body of {body.Length} bytes is shorter than its {FixedSize} fixed bytes", PduHeader.Size);
        }

        ApplicationContextItem? context = null;
        UserInformationItem? userInformation = null;
        var contexts = new List<TContext>();
        var reader = new ItemSequenceReader(body[FixedSize..], PduHeader.Size + FixedSize);
        while (reader.MoveNext())
        {
            if (reader.Type == ApplicationContextItem.ItemType)
            {
                context = ApplicationContextItem.Parse(reader.Value, reader.ValueOffset);
            }
            else if (reader.Type == TContext.Type)
            {
                contexts.Add(TContext.Parse(reader.Value, reader.ValueOffset));
            }
            else if (reader.Type == UserInformationItem.ItemType)
            {
                userInformation = UserInformationItem.Parse(reader.Value, reader.ValueOffset);
            }
        }

        if (context is null)
        {
            throw new PduFormatException($"{pdu} lacks its application context item", PduHeader.Size + FixedSize, AbortReason.InvalidPduParameterValue);
        }

        if (userInformation is null)
        {
            throw new PduFormatException($"{pdu} lacks its user information item", PduHeader.Size + FixedSize, AbortReason.InvalidPduParameterValue);
        }

        return new Body(BinaryPrimitives.ReadUInt16BigEndian(body), AeTitle.Read(body[4..]), AeTitle.Read(body[20..]), context, contexts, userInformation);
    }

    /// <summary>What <see cref="ReadBody"/> found.</summary>
    protected readonly record struct Body(
        ushort ProtocolVersion, string CalledAe, string CallingAe, ApplicationContextItem ApplicationContext, List<TContext> PresentationContexts, UserInformationItem UserInformation);
}
