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
        var preamble = ReadPreamble(source);
        var meta = ReadMeta(source, options, out var syntax);
        var datasetStart = source.Position;
        var region = source.FilePath is { } p && source.End is { } end ? new DicomFileRange(p, datasetStart, end - datasetStart) : null;
        DicomDataset dataset;
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
            dataset = DicomDatasetReader.Parse(new StreamByteSource(inflate), syntax, options);
        }
        else
        {
            dataset = new DicomDataset();
            new DicomDatasetParser(source, options).ParseDataset(dataset, Encoding.Of(syntax));
        }

        var file = FromParts(preamble, meta, dataset, source.FilePath, region, syntax);
        file.OriginalDeflated = deflated;
        file.MetaStampAtRead = meta.DeepStamp();
        file.DatasetStampAtRead = dataset.DeepStamp();
        return file;
    }

    private static byte[] ReadPreamble(ByteSource source)
    {
        var preamble = new byte[128];
        source.ReadExactly(preamble, null, 0);
        Span<byte> magic = stackalloc byte[4];
        source.ReadExactly(magic, null, 128);
        if (!magic.SequenceEqual("DICM"u8))
        {
            throw new DicomFormatException("no \"DICM\" prefix after the 128-byte preamble (not a PS3.10 file)", null, 128);
        }

        return preamble;
    }

    /// <summary>Group 0002, always explicit VR little endian (PS3.10 7.1), read element by element while the group is 0002.</summary>
    private static DicomDataset ReadMeta(ByteSource source, DicomReaderOptions options, out DicomTransferSyntax syntax)
    {
        var parser = new DicomDatasetParser(source, options);
        var meta = new DicomDataset();
        Span<byte> group = stackalloc byte[2];
        while (source.Peek(group) == 2 && group[0] == 0x02 && group[1] == 0x00)
        {
            parser.ParseOneElement(meta, new Encoding(true, false));
        }

        if (!meta.TryGetString(DicomTags.TransferSyntaxUID, out var tsUid))
        {
            throw new DicomFormatException("file meta information has no Transfer Syntax UID", DicomTags.TransferSyntaxUID, source.Position);
        }

        syntax = DicomTransferSyntax.Lookup(tsUid);
        return meta;
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
