using System.Buffers.Binary;
using System.Text;

namespace Conformance.Dicom.Network.Association.Verification;

/// <summary>
/// The two command sets C-ECHO needs (PS3.7 9.3.5), implicit VR little endian, so the association
/// layer can prove itself end to end without the DIMSE layer above it. The DIMSE layer has the
/// general command set codec; this is deliberately minimal.
/// </summary>
public static class EchoCommandSet
{
    public const ushort EchoRequestField = 0x0030;
    public const ushort EchoResponseField = 0x8030;
    private const string VerificationUid = "1.2.840.10008.1.1";

    public static byte[] Request(ushort messageId) =>
        Encode(
            (0x0002, Uid(VerificationUid)),
            (0x0100, Us(EchoRequestField)),
            (0x0110, Us(messageId)),
            (0x0800, Us(CommandSetProbe.NoDataSet)));

    public static byte[] Response(ushort respondingTo, ushort status) =>
        Encode(
            (0x0002, Uid(VerificationUid)),
            (0x0100, Us(EchoResponseField)),
            (0x0120, Us(respondingTo)),
            (0x0800, Us(CommandSetProbe.NoDataSet)),
            (0x0900, Us(status)));

    /// <summary>The US value of a group 0000 element, or null when absent.</summary>
    public static ushort? ReadUs(ReadOnlySpan<byte> commandSet, ushort element)
    {
        var position = 0;
        while (commandSet.Length - position >= 8)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(commandSet[position..]);
            var tagElement = BinaryPrimitives.ReadUInt16LittleEndian(commandSet[(position + 2)..]);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(commandSet[(position + 4)..]);
            position += 8;
            if (length > (uint)(commandSet.Length - position))
            {
                return null;
            }

            if (group == 0 && tagElement == element && length == 2)
            {
                return BinaryPrimitives.ReadUInt16LittleEndian(commandSet[position..]);
            }

            position += (int)length;
        }

        return null;
    }

    private static byte[] Uid(string uid)
    {
        var bytes = Encoding.ASCII.GetBytes(uid);
        return bytes.Length % 2 == 0 ? bytes : [.. bytes, 0];
    }

    private static byte[] Us(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, value);
        return bytes;
    }

    private static byte[] Encode(params (ushort Element, byte[] Value)[] elements)
    {
        var bodyLength = 0;
        foreach (var (_, value) in elements)
        {
            bodyLength += 8 + value.Length;
        }

        var result = new byte[12 + bodyLength];
        var span = result.AsSpan();
        WriteHeader(span, 0x0000, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], (uint)bodyLength);
        var position = 12;
        foreach (var (element, value) in elements)
        {
            WriteHeader(span[position..], element, value.Length);
            value.CopyTo(span[(position + 8)..]);
            position += 8 + value.Length;
        }

        return result;
    }

    private static void WriteHeader(Span<byte> destination, ushort element, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, 0x0000);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], element);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)length);
    }
}
