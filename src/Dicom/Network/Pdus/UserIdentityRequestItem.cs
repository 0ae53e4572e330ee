using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>User identity negotiation sub-item of A-ASSOCIATE-RQ, type 0x58 (PS3.7 D.3.3.7.1).</summary>
public sealed record UserIdentityRequestItem(UserIdentityType IdentityType, bool PositiveResponseRequested, ReadOnlyMemory<byte> PrimaryField, ReadOnlyMemory<byte> SecondaryField)
{
    public const byte ItemType = 0x58;

    public int EncodedLength => ItemHeader.Size + 2 + 2 + PrimaryField.Length + 2 + SecondaryField.Length;

    public int Write(Span<byte> destination)
    {
        var total = EncodedLength;
        ItemHeader.Write(destination, ItemType, total - ItemHeader.Size);
        destination[4] = (byte)IdentityType;
        destination[5] = PositiveResponseRequested ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], (ushort)PrimaryField.Length);
        PrimaryField.Span.CopyTo(destination[8..]);
        var position = 8 + PrimaryField.Length;
        BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)SecondaryField.Length);
        SecondaryField.Span.CopyTo(destination[(position + 2)..]);
        return total;
    }

    public static UserIdentityRequestItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 6)
        {
            throw new PduFormatException($"User identity sub-item has {value.Length} bytes, fewer than its 6 fixed bytes", offset);
        }

        int primaryLength = BinaryPrimitives.ReadUInt16BigEndian(value[2..]);
        if (primaryLength > value.Length - 6)
        {
            throw new PduFormatException($"User identity primary field declares {primaryLength} bytes but {value.Length - 6} remain", offset + 2);
        }

        int secondaryLength = BinaryPrimitives.ReadUInt16BigEndian(value[(4 + primaryLength)..]);
        if (secondaryLength != value.Length - 6 - primaryLength)
        {
            throw new PduFormatException($"User identity secondary field declares {secondaryLength} bytes but {value.Length - 6 - primaryLength} remain", offset + 4 + primaryLength);
        }

        return new UserIdentityRequestItem(
            (UserIdentityType)value[0],
            value[1] != 0,
            value.Slice(4, primaryLength).ToArray(),
            value.Slice(6 + primaryLength, secondaryLength).ToArray());
    }
}
