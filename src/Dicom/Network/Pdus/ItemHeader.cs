using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>The 4-byte header of items and sub-items: type, reserved (or version), 16-bit big-endian length.</summary>
public static class ItemHeader
{
    public const int Size = 4;

    public static void Write(Span<byte> destination, byte type, int valueLength, byte second = 0)
    {
        if (valueLength > ushort.MaxValue)
        {
            throw new InvalidOperationException($"Item 0x{type:X2} value of {valueLength} bytes exceeds the 16-bit item length.");
        }

        destination[0] = type;
        destination[1] = second;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)valueLength);
    }
}
