using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>SOP class extended negotiation sub-item, type 0x56 (PS3.7 D.3.3.5).</summary>
public sealed record SopClassExtendedNegotiationItem(string SopClassUid, ReadOnlyMemory<byte> ServiceClassApplicationInformation)
{
    public const byte ItemType = 0x56;

    public int EncodedLength => ItemHeader.Size + 2 + UidText.ByteCount(SopClassUid) + ServiceClassApplicationInformation.Length;

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        var uidLength = UidText.ByteCount(SopClassUid);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)uidLength);
        UidText.Write(destination[6..], SopClassUid);
        ServiceClassApplicationInformation.Span.CopyTo(destination[(6 + uidLength)..]);
        return total;
    }

    public static SopClassExtendedNegotiationItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 2)
        {
            throw new PduFormatException("SOP class extended negotiation sub-item shorter than its UID length field", offset);
        }

        int uidLength = BinaryPrimitives.ReadUInt16BigEndian(value);
        if (uidLength == 0 || uidLength > value.Length - 2)
        {
            throw new PduFormatException($"SOP class extended negotiation declares a {uidLength}-byte UID in a {value.Length}-byte value", offset);
        }

        return new SopClassExtendedNegotiationItem(UidItem.Parse(value.Slice(2, uidLength), offset, "SOP class UID of the extended negotiation"), value[(2 + uidLength)..].ToArray());
    }
}
