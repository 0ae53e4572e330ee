using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>User identity negotiation sub-item of A-ASSOCIATE-AC, type 0x59 (PS3.7 D.3.3.7.2).</summary>
public sealed record UserIdentityAcceptItem(ReadOnlyMemory<byte> ServerResponse)
{
    public const byte ItemType = 0x59;

    public int EncodedLength => ItemHeader.Size + 2 + ServerResponse.Length;

    public int Write(Span<byte> destination)
    {
        ItemHeader.Write(destination, ItemType, 2 + ServerResponse.Length);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], (ushort)ServerResponse.Length);
        ServerResponse.Span.CopyTo(destination[6..]);
        return EncodedLength;
    }

    public static UserIdentityAcceptItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 2)
        {
            throw new PduFormatException("User identity response sub-item lacks its length field", offset);
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(value);
        if (length != value.Length - 2)
        {
            throw new PduFormatException($"User identity server response declares {length} bytes but {value.Length - 2} remain", offset);
        }

        return new UserIdentityAcceptItem(value[2..].ToArray());
    }
}
