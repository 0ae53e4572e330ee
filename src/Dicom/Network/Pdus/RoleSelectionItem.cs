using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>SCP/SCU role selection sub-item, type 0x54 (PS3.7 D.3.3.4).</summary>
public sealed record RoleSelectionItem(string SopClassUid, bool ScuRole, bool ScpRole)
{
    public const byte ItemType = 0x54;

    public int EncodedLength => ItemHeader.Size + 2 + UidText.ByteCount(SopClassUid) + 2;

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        var uidLength = UidText.ByteCount(SopClassUid);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)uidLength);
        UidText.Write(destination[6..], SopClassUid);
        destination[6 + uidLength] = ScuRole ? (byte)1 : (byte)0;
        destination[7 + uidLength] = ScpRole ? (byte)1 : (byte)0;
        return total;
    }

    public static RoleSelectionItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 2)
        {
            throw new PduFormatException("Role selection sub-item shorter than its UID length field", offset);
        }

        int uidLength = BinaryPrimitives.ReadUInt16BigEndian(value);
        if (uidLength == 0 || value.Length != 2 + uidLength + 2)
        {
            throw new PduFormatException($"Role selection sub-item declares a {uidLength}-byte UID in a {value.Length}-byte value", offset);
        }

        return new RoleSelectionItem(UidItem.Parse(value.Slice(2, uidLength), offset, "SOP class UID of the role selection"), value[2 + uidLength] != 0, value[3 + uidLength] != 0);
    }
}
