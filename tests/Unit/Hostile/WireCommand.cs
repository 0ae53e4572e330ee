using System.Buffers.Binary;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// Command sets (group 0000, implicit VR little endian, PS3.7 E.1) and small data sets built by hand,
/// so that elements can be left out, duplicated or given impossible values.
/// </summary>
internal static class WireCommand
{
    public const ushort CommandField = 0x0100;
    public const ushort MessageId = 0x0110;
    public const ushort AffectedSopClass = 0x0002;
    public const ushort AffectedSopInstance = 0x1000;
    public const ushort DataSetType = 0x0800;
    public const ushort Priority = 0x0700;
    public const ushort MoveDestination = 0x0600;
    public const ushort NoDataSet = 0x0101;

    public static byte[] Element(ushort group, ushort element, byte[] value, uint? declaredLength = null)
    {
        var bytes = new byte[8 + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, group);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), element);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), declaredLength ?? (uint)value.Length);
        value.CopyTo(bytes, 8);
        return bytes;
    }

    public static byte[] US(ushort value) => [(byte)value, (byte)(value >> 8)];

    /// <summary>A UI/AE/CS value padded to even length (UI with NUL, the others with a space).</summary>
    public static byte[] Text(string value, char pad = '\0') => Wire.Ascii(value.Length % 2 == 0 ? value : value + pad);

    /// <summary>Group length (0000,0000) first, then the given elements in the given order.</summary>
    public static byte[] Command(params byte[][] elements)
    {
        var body = Wire.Concat(elements);
        return [.. Element(0x0000, 0x0000, BitConverter.GetBytes((uint)body.Length)), .. body];
    }

    public static byte[] Echo(ushort messageId = 1, ushort dataSetType = NoDataSet) => Command(
        Element(0, AffectedSopClass, Text(Wire.Verification)),
        Element(0, CommandField, US(0x0030)),
        Element(0, MessageId, US(messageId)),
        Element(0, DataSetType, US(dataSetType)));

    public static byte[] Store(ushort messageId, string? sopClass, string? sopInstance, ushort dataSetType = 0x0000)
    {
        var elements = new List<byte[]>();
        if (sopClass is not null)
        {
            elements.Add(Element(0, AffectedSopClass, Text(sopClass)));
        }

        elements.Add(Element(0, CommandField, US(0x0001)));
        elements.Add(Element(0, MessageId, US(messageId)));
        elements.Add(Element(0, Priority, US(0)));
        elements.Add(Element(0, DataSetType, US(dataSetType)));
        if (sopInstance is not null)
        {
            elements.Add(Element(0, AffectedSopInstance, Text(sopInstance)));
        }

        return Command([.. elements]);
    }

    public static byte[] Find(ushort messageId, string sopClass) => Command(
        Element(0, AffectedSopClass, Text(sopClass)),
        Element(0, CommandField, US(0x0020)),
        Element(0, MessageId, US(messageId)),
        Element(0, Priority, US(0)),
        Element(0, DataSetType, US(0x0000)));

    /// <summary>A small Secondary Capture data set, implicit VR little endian, elements in ascending order.</summary>
    public static byte[] Image(string sopInstance) => Wire.Concat(
        Element(0x0008, 0x0016, Text(Wire.SecondaryCapture)),
        Element(0x0008, 0x0018, Text(sopInstance)),
        Element(0x0010, 0x0010, Text("HOSTILE^INPUT", ' ')),
        Element(0x0010, 0x0020, Text("H1", ' ')),
        Element(0x0020, 0x000D, Text("1.2.826.0.1.3680043.2.9")),
        Element(0x0020, 0x000E, Text("1.2.826.0.1.3680043.2.9.1")),
        Element(0x7FE0, 0x0010, [1, 2, 3, 4]));

    public static byte[] StudyQuery() => Wire.Concat(
        Element(0x0008, 0x0052, Text("STUDY", ' ')),
        Element(0x0010, 0x0020, Text("H*", ' ')),
        Element(0x0020, 0x000D, []));
}
