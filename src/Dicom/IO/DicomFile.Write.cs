using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Writing PS3.10 files.</summary>
public sealed partial class DicomFile
{
    /// <summary>Writes to a new file. Writing over the file this one was opened from is refused (lazy values read
    /// from it).</summary>
    public void Save(string path, DicomWriterOptions? options = null)
    {
        CheckNotSource(path);
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024);
        Write(fs, options);
    }

    public async Task SaveAsync(string path, DicomWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        CheckNotSource(path);
        var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true);
        await using (fs.ConfigureAwait(false))
        {
            await WriteAsync(fs, options, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Write(Stream stream, DicomWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var o = EffectiveOptions(options);
        stream.Write(_preamble);
        stream.Write("DICM"u8);
        DicomDatasetWriter.Write(stream, MetaToWrite(), DicomTransferSyntax.ExplicitVRLittleEndian, MetaOptions(o));
        if (TryGetOriginalBytes(options, out var original))
        {
            using var src = original.OpenRead();
            src.CopyTo(stream, o.ChunkSize);
            return;
        }

        DicomDatasetWriter.Write(stream, Dataset, TransferSyntax, o);
    }

    public async Task WriteAsync(Stream stream, DicomWriterOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var o = EffectiveOptions(options);
        await stream.WriteAsync(_preamble, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync("DICM"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        await DicomDatasetWriter.WriteAsync(stream, MetaToWrite(), DicomTransferSyntax.ExplicitVRLittleEndian, MetaOptions(o), cancellationToken).ConfigureAwait(false);
        if (TryGetOriginalBytes(options, out var original))
        {
            var src = original.OpenRead();
            await using (src.ConfigureAwait(false))
            {
                await src.CopyToAsync(stream, o.ChunkSize, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        await DicomDatasetWriter.WriteAsync(stream, Dataset, TransferSyntax, o, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Default: keep group lengths as read, but recompute them when the syntax changed (they would be wrong).</summary>
    private DicomWriterOptions EffectiveOptions(DicomWriterOptions? options)
    {
        if (options is not null)
        {
            return options;
        }

        return SourceTransferSyntax is null || SourceTransferSyntax.Equals(TransferSyntax)
            ? DicomWriterOptions.Default
            : DicomWriterOptions.Default with { GroupLengths = GroupLengthHandling.Recalculate };
    }

    /// <summary>(0002,0000) is recomputed unless the meta is unchanged since it was read.</summary>
    private DicomWriterOptions MetaOptions(DicomWriterOptions o) =>
        MetaStampAtRead >= 0 && FileMetaInformation.DeepStamp() == MetaStampAtRead
            ? o with { GroupLengths = GroupLengthHandling.Keep }
            : o with { GroupLengths = GroupLengthHandling.Recalculate };

    private DicomDataset MetaToWrite() => FileMetaInformation;

    /// <summary>
    /// The data set's bytes as read, when nothing changed and the syntax is the same: the original deflate stream
    /// (another zlib would compress differently), or the region of the source file (every detail kept, streamed).
    /// </summary>
    private bool TryGetOriginalBytes(DicomWriterOptions? options, out DicomBuffer original)
    {
        original = OriginalDeflated ?? (DicomBuffer?)DatasetRegion ?? DicomBuffer.Empty;
        return (OriginalDeflated is not null || DatasetRegion is not null) &&
               (options is null || options.GroupLengths == GroupLengthHandling.Keep) &&
               TransferSyntax.Equals(SourceTransferSyntax) && Dataset.DeepStamp() == DatasetStampAtRead;
    }

    private void CheckNotSource(string path)
    {
        if (SourcePath is not null && string.Equals(Path.GetFullPath(path), Path.GetFullPath(SourcePath), StringComparison.Ordinal))
        {
            throw new IOException($"refusing to overwrite {path}: this file reads lazy values from it; save elsewhere and move");
        }
    }
}
