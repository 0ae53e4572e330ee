using System.Buffers.Binary;
using System.Text;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The Part 10 prefix the SCP writes before streaming a received data set into its file: 128-byte
/// preamble, "DICM" and the File Meta Information group 0002 in explicit VR little endian (PS3.10 7.1).
/// Written by the server itself so the data set bytes can go to disk as they arrive.
/// </summary>
public static class FileMetaHeader
{
    public const int PreambleLength = 128;

    public static byte[] Build(string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string? sourceAe)
    {
        var elements = new List<byte[]>
        {
            Element(0x0001, "OB", [0x00, 0x01]),
            Element(0x0002, "UI", Pad(sopClassUid, 0)),
            Element(0x0003, "UI", Pad(sopInstanceUid, 0)),
            Element(0x0010, "UI", Pad(transferSyntaxUid, 0)),
            Element(0x0012, "UI", Pad(DicomImplementation.ClassUid, 0)),
            Element(0x0013, "SH", Pad(DicomImplementation.VersionName, (byte)' ')),
        };
        if (!string.IsNullOrEmpty(sourceAe))
        {
            elements.Add(Element(0x0016, "AE", Pad(sourceAe, (byte)' ')));
        }

        var groupLength = elements.Sum(e => e.Length);
        var header = new byte[PreambleLength + 4 + 12 + groupLength];
        "DICM"u8.CopyTo(header.AsSpan(PreambleLength));
        var groupLengthValue = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(groupLengthValue, (uint)groupLength);
        Element(0x0000, "UL", groupLengthValue).CopyTo(header.AsSpan(PreambleLength + 4));
        var offset = PreambleLength + 16;
        foreach (var element in elements)
        {
            element.CopyTo(header.AsSpan(offset));
            offset += element.Length;
        }

        return header;
    }

    private static byte[] Pad(string value, byte padding)
    {
        var length = Encoding.ASCII.GetByteCount(value);
        var bytes = new byte[length + (length & 1)];
        Encoding.ASCII.GetBytes(value, bytes);
        if ((length & 1) != 0)
        {
            bytes[^1] = padding;
        }

        return bytes;
    }

    private static byte[] Element(ushort element, string vr, byte[] value)
    {
        var longForm = vr == "OB";
        var header = longForm ? 12 : 8;
        var bytes = new byte[header + value.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, 0x0002);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2), element);
        bytes[4] = (byte)vr[0];
        bytes[5] = (byte)vr[1];
        if (longForm)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(8), (uint)value.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)value.Length);
        }

        value.CopyTo(bytes.AsSpan(header));
        return bytes;
    }
}
