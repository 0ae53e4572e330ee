using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// SOP class common extended negotiation sub-item, type 0x57, sub-item version 0 (PS3.7 D.3.3.6):
/// SOP class UID, service class UID and related general SOP class UIDs, each with a 16-bit length.
/// </summary>
public sealed record SopClassCommonExtendedNegotiationItem(string SopClassUid, string ServiceClassUid, IReadOnlyList<string> RelatedGeneralSopClassUids)
{
    public const byte ItemType = 0x57;

    public int EncodedLength => ItemHeader.Size + 2 + UidText.ByteCount(SopClassUid) + 2 + UidText.ByteCount(ServiceClassUid) + 2 + RelatedLength;

    private int RelatedLength
    {
        get
        {
            var length = 0;
            foreach (var uid in RelatedGeneralSopClassUids)
            {
                length += 2 + UidText.ByteCount(uid);
            }

            return length;
        }
    }

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        var position = ItemHeader.Size;
        position += WriteField(destination[position..], SopClassUid);
        position += WriteField(destination[position..], ServiceClassUid);
        BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)RelatedLength);
        position += 2;
        foreach (var uid in RelatedGeneralSopClassUids)
        {
            position += WriteField(destination[position..], uid);
        }

        return position;
    }

    public static SopClassCommonExtendedNegotiationItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        var position = 0;
        var sopClass = ReadField(value, ref position, offset, "SOP class UID");
        var serviceClass = ReadField(value, ref position, offset, "service class UID");
        if (value.Length - position < 2)
        {
            throw new PduFormatException("Common extended negotiation lacks its related SOP class length", offset + position);
        }

        int relatedLength = BinaryPrimitives.ReadUInt16BigEndian(value[position..]);
        position += 2;
        if (relatedLength != value.Length - position)
        {
            throw new PduFormatException($"Common extended negotiation declares {relatedLength} related bytes but {value.Length - position} remain", offset + position - 2);
        }

        var related = new List<string>();
        while (position < value.Length)
        {
            related.Add(ReadField(value, ref position, offset, "related general SOP class UID"));
        }

        return new SopClassCommonExtendedNegotiationItem(sopClass, serviceClass, related);
    }

    private static int WriteField(Span<byte> destination, string uid)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)UidText.ByteCount(uid));
        return 2 + UidText.Write(destination[2..], uid);
    }

    private static string ReadField(ReadOnlySpan<byte> value, ref int position, int offset, string what)
    {
        if (value.Length - position < 2)
        {
            throw new PduFormatException($"Common extended negotiation lacks the length of its {what}", offset + position);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(value[position..]);
        if (length == 0 || length > value.Length - position - 2)
        {
            throw new PduFormatException($"Common extended negotiation {what} declares {length} bytes but {value.Length - position - 2} remain", offset + position);
        }

        var uid = UidItem.Parse(value.Slice(position + 2, length), offset + position, what);
        position += 2 + length;
        return uid;
    }
}
