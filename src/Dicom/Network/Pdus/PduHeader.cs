using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Pdus;

/// <summary>The 6-byte header shared by all PDUs: type, reserved, 32-bit big-endian length.</summary>
public static class PduHeader
{
    public const int Size = 6;

    public static void Write(Span<byte> destination, PduType type, uint length)
    {
        destination[0] = (byte)type;
        destination[1] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[2..], length);
    }

    public static (byte Type, uint Length) Read(ReadOnlySpan<byte> header) =>
        (header[0], BinaryPrimitives.ReadUInt32BigEndian(header[2..]));

    public static bool IsKnownType(byte type) => type is >= 0x01 and <= 0x07;
}
