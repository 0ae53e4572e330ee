using System.Buffers.Binary;
using System.Globalization;
using Conformance.Benchmarks.Data;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Uids;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// CT-like Part 10 files (explicit VR LE, 16 bits allocated) whose Pixel Data has a chosen length, up to 1 GB
/// and beyond: the header goes through our writer, then Pixel Data is appended in 1 MB writes, so no object is
/// ever held in memory. The sender streams these files (<see cref="Dicom.Network.Services.Storage.FileStoreItem"/>).
/// </summary>
public sealed class SizedCtFiles
{
    private const int ChunkSize = 1024 * 1024;
    private const int PixelDataHeaderLength = 12; // tag, "OW", 2 reserved bytes, 32-bit length
    private readonly DicomDataset _template;
    private readonly string _seriesUid;

    public SizedCtFiles()
    {
        var study = DicomUid.Generate();
        _seriesUid = DicomUid.Generate();
        // CtObjects' attributes; its 512x512 pixels are replaced by the appended Pixel Data of each file.
        _template = CtObjects.Create(study, _seriesUid, 0);
        _template.Remove(DicomTags.PixelData);
    }

    /// <summary>Rows and columns whose 16-bit pixels take exactly <paramref name="pixelBytes"/> (even, rows and columns at most 65535).</summary>
    public static (int Rows, int Columns) Geometry(long pixelBytes)
    {
        var pixels = pixelBytes / 2;
        if (pixelBytes <= 0 || pixelBytes % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pixelBytes), pixelBytes, "an even number of bytes is needed for 16-bit pixels");
        }

        // The squarest factorisation: the largest divisor not above the square root.
        for (var rows = (long)Math.Sqrt(pixels); rows >= 1; rows--)
        {
            if (pixels % rows == 0 && pixels / rows <= ushort.MaxValue && rows <= ushort.MaxValue)
            {
                return ((int)rows, (int)(pixels / rows));
            }
        }

        throw new ArgumentOutOfRangeException(nameof(pixelBytes), pixelBytes, "no rows x columns of at most 65535 each");
    }

    /// <summary>Writes <paramref name="count"/> files of <paramref name="pixelBytes"/> of pixel data each into <paramref name="directory"/>.</summary>
    public IReadOnlyList<SizedFile> WriteSeries(string directory, string prefix, int count, long pixelBytes, CancellationToken ct)
    {
        Directory.CreateDirectory(directory);
        var (rows, columns) = Geometry(pixelBytes);
        var pattern = new byte[(int)Math.Min(ChunkSize, pixelBytes)];
        var files = new List<SizedFile>(count);
        for (var i = 0; i < count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var path = Path.Combine(directory, $"{prefix}{i:D5}.dcm");
            files.Add(new SizedFile(path, Write(path, i, rows, columns, pixelBytes, pattern)));
        }

        return files;
    }

    /// <summary>Writes one file; returns the length of its data set (what goes into P-DATA-TF).</summary>
    private long Write(string path, int index, int rows, int columns, long pixelBytes, byte[] pattern)
    {
        var dataset = _template.Clone();
        dataset.SetUid(DicomTags.SOPInstanceUID, DicomUid.Generate());
        dataset.SetString(DicomTags.InstanceNumber, (index + 1).ToString(CultureInfo.InvariantCulture));
        dataset.SetStrings(DicomTags.ImagePositionPatient, DicomVR.DS, "0", "0", index.ToString(CultureInfo.InvariantCulture));
        dataset.SetUInt16(DicomTags.Rows, (ushort)rows);
        dataset.SetUInt16(DicomTags.Columns, (ushort)columns);
        FillPattern(pattern, index);

        long headerEnd;
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024))
        {
            new DicomFile(dataset, DicomTransferSyntax.ExplicitVRLittleEndian).Write(stream);
            headerEnd = stream.Position;
            Span<byte> header = stackalloc byte[PixelDataHeaderLength];
            BinaryPrimitives.WriteUInt16LittleEndian(header, 0x7FE0);
            BinaryPrimitives.WriteUInt16LittleEndian(header[2..], 0x0010);
            header[4] = (byte)'O';
            header[5] = (byte)'W';
            BinaryPrimitives.WriteUInt32LittleEndian(header[8..], checked((uint)pixelBytes));
            stream.Write(header);
            for (long written = 0; written < pixelBytes; written += pattern.Length)
            {
                stream.Write(pattern, 0, (int)Math.Min(pattern.Length, pixelBytes - written));
            }
        }

        return DatasetBeforePixelData(path, headerEnd) + PixelDataHeaderLength + pixelBytes;
    }

    // The data set's elements before Pixel Data: everything after the file meta information up to headerEnd.
    private static long DatasetBeforePixelData(string path, long headerEnd)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096);
        return headerEnd - DicomFile.ReadHeader(stream).DatasetOffset;
    }

    // A ramp of 12-bit values shifted per image, so no two objects are identical.
    private static void FillPattern(byte[] pattern, int index)
    {
        for (var at = 0; at + 1 < pattern.Length; at += 2)
        {
            var value = (ushort)(((at / 2) + (index * 7)) & 0x0FFF);
            pattern[at] = (byte)value;
            pattern[at + 1] = (byte)(value >> 8);
        }
    }
}

/// <summary>A written file and the bytes of its data set.</summary>
public sealed record SizedFile(string Path, long DatasetBytes);
