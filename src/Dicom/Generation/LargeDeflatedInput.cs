using System.Buffers.Binary;
using System.IO.Compression;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Dicom.Generation;

/// <summary>
/// WORKAROUND for a data-layer bug (tests/Unit/Dicom/Generation/DataLayerBugTests.cs): the data layer reads the
/// values of a deflated data set into memory, and a value over 2^31 bytes overflows its buffer growth
/// (ArgumentOutOfRangeException) after using more than 2 GB. For large deflated inputs the converter therefore
/// inflates the data set into a temporary file next to the output and reads that, so values stay lazy. Remove
/// this class when the data layer streams large values of deflated data sets.
/// </summary>
internal static class LargeDeflatedInput
{
    /// <summary>Deflated files larger than this take the workaround path.</summary>
    public const long Threshold = 64L * 1024 * 1024;

    private const int PreambleAndMagic = 132;
    private const int GroupLengthElement = 12;

    /// <summary>The file meta information of a PS3.10 file and where its data set starts, read without the data set.</summary>
    public static (DicomDataset Meta, long DatasetOffset, byte[] Preamble) ReadMeta(string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[PreambleAndMagic + GroupLengthElement];
        stream.ReadExactly(head);
        if (!head.AsSpan(128, 4).SequenceEqual("DICM"u8) || BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(132)) != 0x00000002)
        {
            throw new InvalidDataException($"{path}: not a PS3.10 file starting with (0002,0000) after the preamble");
        }

        var groupLength = BinaryPrimitives.ReadUInt32LittleEndian(head.AsSpan(140));
        if (groupLength > 1024 * 1024)
        {
            throw new InvalidDataException($"{path}: file meta group length {groupLength} is not plausible");
        }

        var meta = new byte[GroupLengthElement + groupLength];
        head.AsSpan(PreambleAndMagic).CopyTo(meta);
        stream.ReadExactly(meta.AsSpan(GroupLengthElement));
        var dataset = DicomDatasetReader.Read((ReadOnlyMemory<byte>)meta, DicomTransferSyntax.ExplicitVRLittleEndian);
        return (dataset, PreambleAndMagic + meta.Length, head[..128]);
    }

    public static bool Applies(string path, out DicomDataset? meta)
    {
        meta = null;
        if (new FileInfo(path).Length <= Threshold)
        {
            return false;
        }

        meta = ReadMeta(path).Meta;
        return meta.GetStringOrDefault(DicomTags.TransferSyntaxUID) == UncompressedSyntaxes.DeflatedExplicitLittleEndian;
    }

    public static async Task<ConversionResult> ConvertAsync(string input, string output, DicomTransferSyntax target, CancellationToken cancellationToken)
    {
        if (target.IsDeflated)
        {
            // Own syntax: nothing changes, so the bytes are copied as they are.
            File.Copy(input, output, overwrite: true);
            return new ConversionResult(target.Uid, target.Uid, Unchanged: true, new FileInfo(output).Length);
        }

        var (meta, datasetOffset, preamble) = ReadMeta(input);
        var inflated = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(output))!, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.inflated");
        try
        {
            await InflateAsync(input, datasetOffset, inflated, cancellationToken).ConfigureAwait(false);
            DicomDataset dataset;
            using (var stream = File.OpenRead(inflated))
            {
                dataset = DicomDatasetReader.Read(stream, DicomTransferSyntax.ExplicitVRLittleEndian);
            }

            var file = new DicomFile(dataset, target) { Preamble = preamble };
            foreach (var element in meta)
            {
                var identity = element.Tag == DicomTags.FileMetaInformationGroupLength || element.Tag == DicomTags.TransferSyntaxUID ||
                               element.Tag == DicomTags.ImplementationClassUID || element.Tag == DicomTags.ImplementationVersionName;
                if (!identity)
                {
                    file.FileMetaInformation.AddOrUpdate(element);
                }
            }

            await file.SaveAsync(output, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new ConversionResult(UncompressedSyntaxes.DeflatedExplicitLittleEndian, target.Uid, Unchanged: false, new FileInfo(output).Length);
        }
        finally
        {
            File.Delete(inflated);
        }
    }

    private static async Task InflateAsync(string input, long datasetOffset, string inflated, CancellationToken cancellationToken)
    {
        var source = File.OpenRead(input);
        await using (source.ConfigureAwait(false))
        {
            source.Position = datasetOffset;
            var inflate = new DeflateStream(source, CompressionMode.Decompress);
            await using (inflate.ConfigureAwait(false))
            {
                var target = new FileStream(inflated, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1024 * 1024, useAsync: true);
                await using (target.ConfigureAwait(false))
                {
                    await inflate.CopyToAsync(target, 1024 * 1024, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
