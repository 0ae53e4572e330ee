using System.Buffers;
using System.IO.Compression;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Reading PS3.10 files.</summary>
public sealed partial class DicomFile
{
    /// <summary>Opens a file; values above <see cref="DicomReaderOptions.LazyValueThreshold"/> stay in the file.</summary>
    public static DicomFile Open(string path, DicomReaderOptions? options = null)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        return Read(fs, options);
    }

    public static DicomFile Read(ReadOnlyMemory<byte> data, DicomReaderOptions? options = null)
    {
        using var s = new SequenceByteSource(new ReadOnlySequence<byte>(data));
        return Read(s, options ?? DicomReaderOptions.Default);
    }

    /// <summary>Reads from a stream (a <see cref="FileStream"/> allows lazy values).</summary>
    public static DicomFile Read(Stream stream, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var s = new StreamByteSource(stream);
        return Read(s, options ?? DicomReaderOptions.Default);
    }

    private static DicomFile Read(ByteSource source, DicomReaderOptions options)
    {
        var warnings = new List<string>();
        var (preamble, meta, syntax) = ReadStart(source, options, warnings);
        var datasetStart = source.Position;
        var region = source.FilePath is { } p && source.End is { } end ? new DicomFileRange(p, datasetStart, end - datasetStart) : null;
        var dataset = new DicomDataset();
        DicomBuffer? deflated = null;
        if (syntax.IsDeflated)
        {
            deflated = region is not null ? region : ReadRest(source, options);
            if (region is not null)
            {
                source.Skip(region.Length);
            }

            using var raw = deflated.OpenRead();
            using var inflate = new DeflateStream(raw, CompressionMode.Decompress);
            using var inflated = new StreamByteSource(inflate);
            try
            {
                new DicomDatasetParser(inflated, options, warnings).ParseDataset(dataset, Encoding.Of(syntax));
            }
            catch (InvalidDataException ex)
            {
                throw new DicomFormatException("deflated data are corrupt", null, inflated.Position, ex);
            }
        }
        else
        {
            new DicomDatasetParser(source, options, warnings).ParseDataset(dataset, Encoding.Of(syntax));
        }

        // Without file meta the file gets one made from the data set, so what is written back is a PS3.10 file.
        meta ??= CreateFileMetaInformation(
            dataset.GetStringOrDefault(DicomTags.SOPClassUID) ?? string.Empty, dataset.GetStringOrDefault(DicomTags.SOPInstanceUID) ?? string.Empty, syntax);
        var file = FromParts(preamble, meta, dataset, source.FilePath, region, syntax);
        file.ReadWarnings = warnings;
        file.OriginalDeflated = deflated;

        // A file read with warnings is written re-encoded (conformant), never copied as read.
        file.MetaStampAtRead = warnings.Count == 0 ? meta.DeepStamp() : -1;
        file.DatasetStampAtRead = warnings.Count == 0 ? dataset.DeepStamp() : -1;
        return file;
    }

    private static DicomMemoryBuffer ReadRest(ByteSource source, DicomReaderOptions options)
    {
        using var ms = new MemoryStream();
        var chunk = new byte[Math.Min(options.ReadChunkSize, 64 * 1024)];
        int n;
        while ((n = source.Read(chunk)) > 0)
        {
            ms.Write(chunk, 0, n);
        }

        return new DicomMemoryBuffer(ms.ToArray());
    }
}
