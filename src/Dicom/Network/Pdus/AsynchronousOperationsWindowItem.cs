using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>Asynchronous operations window sub-item, type 0x53 (PS3.7 D.3.3.3); 0 = unlimited.</summary>
public sealed record AsynchronousOperationsWindowItem(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed)
{
    public const byte ItemType = 0x53;

#pragma warning disable CA1822 // Every item exposes an instance EncodedLength, fixed-size ones included.
    public int EncodedLength => ItemHeader.Size + 4;
#pragma warning restore CA1822

    public int Write(Span<byte> destination)
    {
        ItemHeader.Write(destination, ItemType, 4);
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], MaxOperationsInvoked);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], MaxOperationsPerformed);
        return EncodedLength;
    }

    public static AsynchronousOperationsWindowItem Parse(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length != 4)
        {
            throw new PduFormatException($"Asynchronous operations window sub-item has {value.Length} bytes instead of 4", offset);
        }

        return new AsynchronousOperationsWindowItem(
            BinaryPrimitives.ReadUInt16BigEndian(value),
            BinaryPrimitives.ReadUInt16BigEndian(value[2..]));
    }
}
