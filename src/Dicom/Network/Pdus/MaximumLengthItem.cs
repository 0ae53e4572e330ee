using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>Maximum length sub-item, type 0x51 (PS3.8 D.1): largest P-DATA-TF variable field the sender accepts; 0 = unlimited.</summary>
public sealed record MaximumLengthItem(uint MaximumLength)
{
    public const byte ItemType = 0x51;

#pragma warning disable CA1822 // Every item exposes an instance EncodedLength, fixed-size ones included.
    public int EncodedLength => ItemHeader.Size + 4;
#pragma warning restore CA1822

    public int Write(Span<byte> destination)
    {
        ItemHeader.Write(destination, ItemType, 4);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], MaximumLength);
        return EncodedLength;
    }

    public static MaximumLengthItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length != 4)
        {
            throw new PduFormatException($"Maximum length sub-item has {value.Length} bytes instead of 4", offset);
        }

        return new MaximumLengthItem(BinaryPrimitives.ReadUInt32BigEndian(value));
    }
}
