using System.Buffers;
using System.IO.Compression;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Reads a data set (no preamble, no file meta) encoded in a transfer syntax.</summary>
public static class DicomDatasetReader
{
    /// <summary>Reads to the end of the stream. From a seekable <see cref="FileStream"/>, large values stay in the
    /// file as lazy ranges (the file must then stay unchanged).</summary>
    public static DicomDataset Read(Stream stream, DicomTransferSyntax syntax, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(syntax);
        var o = options ?? DicomReaderOptions.Default;
        if (syntax.IsDeflated)
        {
            using var inflate = new DeflateStream(stream, CompressionMode.Decompress, leaveOpen: true);
            return Parse(new StreamByteSource(inflate), syntax, o);
        }

        return Parse(new StreamByteSource(stream), syntax, o);
    }

    public static DicomDataset Read(ReadOnlyMemory<byte> data, DicomTransferSyntax syntax, DicomReaderOptions? options = null) =>
        Read(new ReadOnlySequence<byte>(data), syntax, options);

    /// <summary>Parses from memory, e.g. P-DATA fragments joined as a sequence; values are copied out.</summary>
    public static DicomDataset Read(ReadOnlySequence<byte> data, DicomTransferSyntax syntax, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        var o = options ?? DicomReaderOptions.Default;
        if (syntax.IsDeflated)
        {
            using var inflate = new DeflateStream(new ReadOnlySequenceStream(data), CompressionMode.Decompress);
            return Parse(new StreamByteSource(inflate), syntax, o);
        }

        return Parse(new SequenceByteSource(data), syntax, o);
    }

    internal static DicomDataset Parse(ByteSource source, DicomTransferSyntax syntax, DicomReaderOptions options)
    {
        using (source)
        {
            var dataset = new DicomDataset();
            try
            {
                new DicomDatasetParser(source, options).ParseDataset(dataset, Encoding.Of(syntax));
            }
            catch (InvalidDataException ex)
            {
                throw new DicomFormatException("deflated data are corrupt", null, source.Position, ex);
            }

            return dataset;
        }
    }
}
