using System.Buffers.Binary;
using System.Text;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// What the server needs from a stored Part 10 file to send it again: the transfer syntax, SOP class
/// and instance, and where the data set starts. Reads only the preamble and group 0002.
/// </summary>
public sealed record FileMetaInfo(string TransferSyntaxUid, string SopClassUid, string SopInstanceUid, long DataSetOffset)
{
    public static async Task<FileMetaInfo> ReadAsync(Stream stream, string description, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[FileMetaHeader.PreambleLength + 4 + 12];
        await stream.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        if (!head.AsSpan(FileMetaHeader.PreambleLength, 4).SequenceEqual("DICM"u8))
        {
            throw new InvalidDataException($"{description}: no DICM prefix at offset 128; not a Part 10 file.");
        }

        var lengthElement = head.AsSpan(FileMetaHeader.PreambleLength + 4);
        if (BinaryPrimitives.ReadUInt32LittleEndian(lengthElement) != 0x0000_0002 || lengthElement[4] != 'U' || lengthElement[5] != 'L')
        {
            throw new InvalidDataException($"{description}: the file meta group does not start with (0002,0000) UL.");
        }

        var groupLength = BinaryPrimitives.ReadUInt32LittleEndian(lengthElement[8..]);
        if (groupLength > 1 << 20)
        {
            throw new InvalidDataException($"{description}: file meta group length {groupLength} is implausible.");
        }

        var group = new byte[groupLength];
        await stream.ReadExactlyAsync(group, cancellationToken).ConfigureAwait(false);
        var values = Parse(group, description);
        string Get(ushort element) => values.TryGetValue(element, out var v) ? v
            : throw new InvalidDataException($"{description}: file meta element (0002,{element:X4}) is missing.");
        return new FileMetaInfo(Get(0x0010), Get(0x0002), Get(0x0003), head.Length + groupLength);
    }

    private static Dictionary<ushort, string> Parse(ReadOnlySpan<byte> group, string description)
    {
        var values = new Dictionary<ushort, string>();
        var offset = 0;
        while (offset + 8 <= group.Length)
        {
            var element = BinaryPrimitives.ReadUInt16LittleEndian(group[(offset + 2)..]);
            var vr = Encoding.ASCII.GetString(group.Slice(offset + 4, 2));
            int length;
            int header;
            if (vr is "OB" or "OW" or "OF" or "SQ" or "UT" or "UN")
            {
                if (offset + 12 > group.Length)
                {
                    break;
                }

                length = (int)BinaryPrimitives.ReadUInt32LittleEndian(group[(offset + 8)..]);
                header = 12;
            }
            else
            {
                length = BinaryPrimitives.ReadUInt16LittleEndian(group[(offset + 6)..]);
                header = 8;
            }

            if (length < 0 || offset + header + length > group.Length)
            {
                throw new InvalidDataException($"{description}: file meta element (0002,{element:X4}) overruns the group.");
            }

            if (vr == "UI")
            {
                values[element] = Encoding.ASCII.GetString(group.Slice(offset + header, length)).TrimEnd('\0', ' ');
            }

            offset += header + length;
        }

        return values;
    }
}
