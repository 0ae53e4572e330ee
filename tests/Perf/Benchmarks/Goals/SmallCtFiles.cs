using Conformance.Benchmarks.Data;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Uids;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// The "10,000 small objects" of issue 8: the runner's CT data set with a 64x64 image (8 KB of pixel
/// data, about 9 KB per file), written as Part 10 files (explicit VR LE) into a directory of their own.
/// </summary>
public static class SmallCtFiles
{
    public const int Size = 64;

    /// <summary>Writes <paramref name="count"/> files; returns their paths in name order.</summary>
    public static IReadOnlyList<string> Write(int count, string directory)
    {
        Directory.CreateDirectory(directory);
        // One data set changed per object (a 512x512 image made 10,000 times only to be replaced would cost seconds).
        var dataset = CtObjects.Create(DicomUid.Generate(), DicomUid.Generate(), 0);
        dataset.SetUInt16(DicomTags.Rows, Size);
        dataset.SetUInt16(DicomTags.Columns, Size);
        var paths = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            dataset.SetUid(DicomTags.SOPInstanceUID, DicomUid.Generate());
            dataset.SetString(DicomTags.InstanceNumber, (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            dataset.SetBytes(DicomTags.PixelData, DicomVR.OW, Pixels(i));
            var path = Path.Combine(directory, $"small{i:D5}.dcm");
            new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Save(path);
            paths.Add(path);
        }

        return paths;
    }

    private static byte[] Pixels(int index)
    {
        var bytes = new byte[Size * Size * 2];
        for (var at = 0; at < bytes.Length; at += 2)
        {
            var value = (ushort)(((at / 2) + (index * 7)) & 0x0FFF);
            bytes[at] = (byte)value;
            bytes[at + 1] = (byte)(value >> 8);
        }

        return bytes;
    }
}
