using System.Buffers.Binary;

namespace Conformance.Interop.Tests.Matrix.Broken;

/// <summary>
/// Byte-level changes to the command sets inside a P-DATA-TF body (PS3.8 9.3.5: PDV items of length,
/// context id, control header, data; commands are implicit VR little endian, PS3.7 6.3.1): what makes our
/// otherwise correct stack a deliberately broken variant, from outside it.
/// </summary>
internal static class CommandRewrites
{
    private const ushort CStoreResponse = 0x8001;

    /// <summary>Every C-STORE-RSP in the body answers <paramref name="status"/> instead of what was sent.</summary>
    public static byte[] StoreResponseStatus(byte[] body, ushort status)
    {
        ForEachCommand(body, command =>
        {
            if (Element(command, 0x0100) is { } field && BinaryPrimitives.ReadUInt16LittleEndian(command[field..]) == CStoreResponse && Element(command, 0x0900) is { } value)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(command[value..], status);
            }
        });
        return body;
    }

    /// <summary>Every command's Command Group Length (0000,0000) is off by <paramref name="delta"/>.</summary>
    public static byte[] CommandGroupLength(byte[] body, int delta)
    {
        ForEachCommand(body, command =>
        {
            if (Element(command, 0x0000) is { } value)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(command[value..], (uint)(BinaryPrimitives.ReadUInt32LittleEndian(command[value..]) + delta));
            }
        });
        return body;
    }

    private delegate void CommandAction(Span<byte> command);

    private static void ForEachCommand(byte[] body, CommandAction action)
    {
        for (var offset = 0; offset + 6 <= body.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(offset));
            if ((body[offset + 5] & 0x01) != 0)
            {
                action(body.AsSpan(offset + 6, length - 2));
            }

            offset += 4 + length;
        }
    }

    /// <summary>Offset of the value of group 0000 element <paramref name="element"/> in a command set, or null.</summary>
    private static int? Element(Span<byte> command, ushort element)
    {
        for (var offset = 0; offset + 8 <= command.Length;)
        {
            var group = BinaryPrimitives.ReadUInt16LittleEndian(command[offset..]);
            var found = BinaryPrimitives.ReadUInt16LittleEndian(command[(offset + 2)..]);
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(command[(offset + 4)..]);
            if (group == 0 && found == element)
            {
                return offset + 8;
            }

            offset += 8 + length;
        }

        return null;
    }
}
