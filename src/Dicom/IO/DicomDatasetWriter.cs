using System.Buffers;
using System.IO.Compression;
using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Writes a data set (no preamble, no file meta) in a transfer syntax to a stream or buffer writer.</summary>
public static class DicomDatasetWriter
{
    public static void Write(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax, DicomWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var o = options ?? DicomWriterOptions.Default;
        using var encoder = new DicomDatasetEncoder(o);
        if (syntax.IsDeflated)
        {
            var counted = new CountingWriteStream(stream);
            using (var deflate = new DeflateStream(counted, CompressionLevel.Optimal, leaveOpen: true))
            {
                SegmentSink.Write(encoder.Encode(dataset, Encoding.Of(syntax)), deflate, o.ChunkSize);
            }

            PadToEven(counted);
        }
        else
        {
            SegmentSink.Write(encoder.Encode(dataset, Encoding.Of(syntax)), stream, o.ChunkSize);
        }
    }

    public static async Task WriteAsync(Stream stream, DicomDataset dataset, DicomTransferSyntax syntax, DicomWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var o = options ?? DicomWriterOptions.Default;
        using var encoder = new DicomDatasetEncoder(o);
        if (syntax.IsDeflated)
        {
            var counted = new CountingWriteStream(stream);
            var deflate = new DeflateStream(counted, CompressionLevel.Optimal, leaveOpen: true);
            await using (deflate.ConfigureAwait(false))
            {
                await SegmentSink.WriteAsync(encoder.Encode(dataset, Encoding.Of(syntax)), deflate, o.ChunkSize, cancellationToken).ConfigureAwait(false);
            }

            if (counted.Written % 2 != 0)
            {
                await counted.WriteAsync(new byte[1], cancellationToken).ConfigureAwait(false);
            }
        }
        else
        {
            await SegmentSink.WriteAsync(encoder.Encode(dataset, Encoding.Of(syntax)), stream, o.ChunkSize, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Fast path for the network layer: encode straight into a buffer writer (e.g. a PDU builder).</summary>
    public static void Write(IBufferWriter<byte> writer, DicomDataset dataset, DicomTransferSyntax syntax, DicomWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        var o = options ?? DicomWriterOptions.Default;
        if (syntax.IsDeflated)
        {
            using var s = new BufferWriterStream(writer);
            Write(s, dataset, syntax, o);
            return;
        }

        using var encoder = new DicomDatasetEncoder(o);
        SegmentSink.Write(encoder.Encode(dataset, Encoding.Of(syntax)), writer, o.ChunkSize);
    }

    /// <summary>The data set encoded in one array (for small data sets such as command sets and identifiers).</summary>
    public static byte[] ToArray(DicomDataset dataset, DicomTransferSyntax syntax, DicomWriterOptions? options = null)
    {
        var w = new ArrayBufferWriter<byte>();
        Write(w, dataset, syntax, options);
        return w.WrittenSpan.ToArray();
    }

    // PS3.5 A.5: the deflated bit stream is padded with one 00H to an even length (inflating stops before it).
    private static void PadToEven(CountingWriteStream deflated)
    {
        if (deflated.Written % 2 != 0)
        {
            deflated.WriteByte(0);
        }
    }

    /// <summary>Encoded length in a non-deflated syntax, without encoding (e.g. for a P-DATA or group length).</summary>
    public static long CalculateLength(DicomDataset dataset, DicomTransferSyntax syntax, DicomWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(syntax);
        if (syntax.IsDeflated)
        {
            throw new ArgumentException("the length of a deflated data set is known only after deflating", nameof(syntax));
        }

        return DicomLengthCalculator.Dataset(dataset, Encoding.Of(syntax), (options ?? DicomWriterOptions.Default).GroupLengths);
    }
}
