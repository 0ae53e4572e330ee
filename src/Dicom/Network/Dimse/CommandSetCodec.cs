using System.Buffers.Binary;

namespace Conformance.Dicom.Network.Dimse;

/// <summary>
/// Encodes and decodes command sets: group 0000 in implicit VR little endian (PS3.7 section 6.3.1),
/// led by Command Group Length (0000,0000), elements in ascending tag order.
/// </summary>
public static class CommandSetCodec
{
    private const int ElementHeaderLength = 8;
    private const int GroupLengthElementLength = ElementHeaderLength + 4;

    public static int GetEncodedLength(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return GroupLengthElementLength + BodyLength(command);
    }

    public static byte[] Encode(CommandSet command)
    {
        var bytes = new byte[GetEncodedLength(command)];
        Encode(command, bytes);
        return bytes;
    }

    /// <summary>Writes the command set into <paramref name="destination"/>; returns the bytes written.</summary>
    public static int Encode(CommandSet command, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(command);
        var body = BodyLength(command);
        var total = GroupLengthElementLength + body;
        if (destination.Length < total)
        {
            throw new ArgumentException($"The command set needs {total} bytes; the buffer has {destination.Length}.", nameof(destination));
        }

        var offset = WriteHeader(destination, CommandTag.CommandGroupLength, 4);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[offset..], (uint)body);
        offset += 4;
        foreach (var (tag, value) in command.Elements)
        {
            offset += WriteHeader(destination[offset..], tag, value.Length);
            value.CopyTo(destination[offset..]);
            offset += value.Length;
        }

        return offset;
    }

    public static CommandSet Decode(ReadOnlySpan<byte> bytes)
    {
        var command = new CommandSet();
        var offset = 0;
        uint previous = 0;
        var first = true;
        while (NextElement(bytes, ref offset, out var tag, out var value))
        {
            if (tag >> 16 != 0)
            {
                throw new DimseFormatException($"Element {CommandTag.Format(tag)} at offset {offset - ElementHeaderLength - value.Length} is not in command group 0000.");
            }

            if (!first && tag <= previous)
            {
                throw new DimseFormatException($"Command element {CommandTag.Format(tag)} at offset {offset - ElementHeaderLength - value.Length} is out of ascending tag order.");
            }

            if (tag == CommandTag.CommandGroupLength)
            {
                CheckGroupLength(value, bytes.Length - offset);
            }
            else
            {
                command.SetRaw(tag, value.ToArray());
            }

            previous = tag;
            first = false;
        }

        return command;
    }

    /// <summary>
    /// Reads one US element without decoding the rest: the upper layer asks Command Data Set Type (0000,0800)
    /// to know whether data PDVs follow. False when the element is absent, not 2 bytes long, or the command
    /// set is malformed before it (the DIMSE layer reports that when it decodes the message).
    /// </summary>
    public static bool TryReadUInt16(ReadOnlySpan<byte> bytes, uint tag, out ushort value)
    {
        var offset = 0;
        try
        {
            while (NextElement(bytes, ref offset, out var found, out var raw))
            {
                if (found == tag && raw.Length == 2)
                {
                    value = BinaryPrimitives.ReadUInt16LittleEndian(raw);
                    return true;
                }
            }
        }
        catch (DimseFormatException)
        {
            // Malformed before the element: as if absent.
        }

        value = 0;
        return false;
    }

    /// <summary>The element at <paramref name="offset"/> (moved past it); false at the end. Every declared length is checked against what remains.</summary>
    private static bool NextElement(ReadOnlySpan<byte> bytes, ref int offset, out uint tag, out ReadOnlySpan<byte> value)
    {
        tag = 0;
        value = default;
        if (offset >= bytes.Length)
        {
            return false;
        }

        if (bytes.Length - offset < ElementHeaderLength)
        {
            throw new DimseFormatException($"Command set truncated at offset {offset}: {bytes.Length - offset} bytes left, an element header needs 8.");
        }

        tag = ((uint)BinaryPrimitives.ReadUInt16LittleEndian(bytes[offset..]) << 16) | BinaryPrimitives.ReadUInt16LittleEndian(bytes[(offset + 2)..]);
        var length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(offset + 4)..]);
        offset += ElementHeaderLength;
        if (length > (uint)(bytes.Length - offset))
        {
            throw new DimseFormatException($"Command element {CommandTag.Format(tag)} declares {length} bytes at offset {offset}; only {bytes.Length - offset} remain.");
        }

        value = bytes.Slice(offset, (int)length);
        offset += (int)length;
        return true;
    }

    private static void CheckGroupLength(ReadOnlySpan<byte> value, int remaining)
    {
        if (value.Length != 4)
        {
            throw new DimseFormatException($"Command Group Length has length {value.Length}; UL needs 4.");
        }

        var declared = BinaryPrimitives.ReadUInt32LittleEndian(value);
        if (declared != (uint)remaining)
        {
            throw new DimseFormatException($"Command Group Length declares {declared} bytes; {remaining} follow it.");
        }
    }

    private static int BodyLength(CommandSet command)
    {
        var length = 0;
        foreach (var (_, value) in command.Elements)
        {
            length += ElementHeaderLength + value.Length;
        }

        return length;
    }

    private static int WriteHeader(Span<byte> destination, uint tag, int length)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)(tag >> 16));
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], (ushort)tag);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)length);
        return ElementHeaderLength;
    }
}
