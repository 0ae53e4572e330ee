using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Header-only reading and writing, for data sets streamed to or from disk by other layers.</summary>
public sealed partial class DicomFile
{
    /// <summary>Reads only the preamble and group 0002 of a seekable stream (e.g. to send a stored file's data set
    /// as is); leaves the stream at <see cref="DicomFileHeader.DatasetOffset"/>.</summary>
    public static DicomFileHeader ReadHeader(Stream stream, DicomReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("reading only the header needs a seekable stream", nameof(stream));
        }

        DicomFileHeader header;
        using (var source = new StreamByteSource(stream, 1024))
        {
            var (preamble, meta, syntax) = ReadStart(source, options ?? DicomReaderOptions.Default, []);
            header = new DicomFileHeader(preamble, meta ?? new DicomDataset(), syntax, source.Position);
        }

        stream.Position = header.DatasetOffset;
        return header;
    }

    /// <summary>Writes preamble (zeros unless given), "DICM" and the file meta information with a freshly
    /// computed (0002,0000), so a data set can follow, e.g. streamed from the network.</summary>
    public static void WriteHeader(Stream stream, DicomDataset fileMetaInformation, ReadOnlyMemory<byte> preamble = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(HeaderBytes(fileMetaInformation, preamble));
    }

    public static Task WriteHeaderAsync(Stream stream, DicomDataset fileMetaInformation, ReadOnlyMemory<byte> preamble = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return stream.WriteAsync(HeaderBytes(fileMetaInformation, preamble), cancellationToken).AsTask();
    }

    /// <summary>File meta information with a Source Application Entity Title (0002,0016), as a receiving SCP writes it.</summary>
    public static DicomDataset CreateFileMetaInformation(string sopClassUid, string sopInstanceUid, DicomTransferSyntax syntax, string? sourceApplicationEntityTitle)
    {
        var meta = CreateFileMetaInformation(sopClassUid, sopInstanceUid, syntax);
        if (!string.IsNullOrEmpty(sourceApplicationEntityTitle))
        {
            meta.SetString(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, sourceApplicationEntityTitle);
        }

        return meta;
    }

    private static byte[] HeaderBytes(DicomDataset meta, ReadOnlyMemory<byte> preamble)
    {
        ArgumentNullException.ThrowIfNull(meta);
        if (!preamble.IsEmpty && preamble.Length != 128)
        {
            throw new ArgumentException("the preamble is 128 bytes", nameof(preamble));
        }

        var ms = new MemoryStream();
        ms.Write(preamble.IsEmpty ? new byte[128] : preamble.Span);
        ms.Write("DICM"u8);
        DicomDatasetWriter.Write(ms, meta, DicomTransferSyntax.ExplicitVRLittleEndian, new DicomWriterOptions { GroupLengths = GroupLengthHandling.Recalculate });
        return ms.ToArray();
    }
}
