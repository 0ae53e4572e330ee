using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Reads Command Data Set Type (0000,0800) from an implicit VR little endian command set: the upper
/// layer must know whether data PDVs follow before it can tell that a message is complete.
/// </summary>
internal static class CommandSetProbe
{
    /// <summary>PS3.7 E.2: 0x0101 means no data set; any other value means one follows.</summary>
    public const ushort NoDataSet = 0x0101;

    public static bool HasDataSet(ReadOnlySpan<byte> commandSet)
    {
        var position = 0;
        while (commandSet.Length - position >= 8)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(commandSet[position..]);
            var element = BinaryPrimitives.ReadUInt16LittleEndian(commandSet[(position + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(commandSet[(position + 4)..]);
            position += 8;
            if (length > (uint)(commandSet.Length - position))
            {
                return false;
            }

            if (group == 0x0000 && element == 0x0800 && length >= 2)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(commandSet[position..]) != NoDataSet;
            }

            position += (int)length;
        }

        return false;
    }
}
