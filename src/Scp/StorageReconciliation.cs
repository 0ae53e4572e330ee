using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Scp.Index;
using Conformance.Scp.Storage;

namespace Conformance.Scp;

/// <summary>
/// Makes a disk storage area and its index agree at start, before any association (docs/reliability.md): a process
/// killed mid-store can leave a temporary file, a replacement renamed into place but not committed, or a complete file
/// whose index row was never committed. Temporary files are deleted; an uncommitted replacement gives way to the
/// earlier (acknowledged) file; a row without a file is dropped; a file without a row is indexed from the file (it was
/// renamed into place only once complete, so it is a whole object its sender never got an answer for, and storing it
/// again replaces it) or, when it cannot be read or is not under its UID's name, moved to <c>.quarantine/</c>.
/// </summary>
internal static class StorageReconciliation
{
    public static async Task<ReconciliationReport> RunAsync(DiskInstanceStorage storage, SqliteInstanceIndex index, CancellationToken cancellationToken)
    {
        var temporary = storage.RemoveTemporaryFiles();
        var reindex = new HashSet<string>(storage.RevertUncommittedReplacements(), StringComparer.Ordinal);
        var files = new HashSet<string>(storage.StoredFiles(), StringComparer.Ordinal);
        var dropped = 0;
        foreach (var (uid, location) in await index.ListLocationsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!files.Contains(location))
            {
                await index.RemoveAsync(uid, cancellationToken).ConfigureAwait(false);
                dropped++;
            }
            else if (!reindex.Contains(location))
            {
                files.Remove(location);
            }
        }

        // What is left in files has no row, or a row that may describe a replacement that was reverted.
        var (indexed, quarantined) = (0, new List<string>());
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            if (await TryIndexAsync(storage, index, file, cancellationToken).ConfigureAwait(false))
            {
                indexed += reindex.Contains(file) ? 0 : 1;
            }
            else
            {
                quarantined.Add(storage.Quarantine(file));
            }
        }

        return new ReconciliationReport(temporary, reindex.Count, dropped, indexed, quarantined);
    }

    private static async Task<bool> TryIndexAsync(DiskInstanceStorage storage, SqliteInstanceIndex index, string file, CancellationToken cancellationToken)
    {
        try
        {
            DicomFileHeader header;
            long dataLength;
            var stream = storage.OpenRead(file);
            await using (stream.ConfigureAwait(false))
            {
                header = DicomFile.ReadHeader(stream);
                dataLength = stream.Length - stream.Position;
            }

            if (header.SopInstanceUid is not { } uid || header.SopClassUid is not { } sopClass || storage.LocationFor(uid) != file)
            {
                return false;
            }

            var request = new CStoreRequest { AffectedSopClassUid = sopClass, AffectedSopInstanceUid = uid };
            var sourceAe = header.FileMetaInformation.GetStringOrDefault(DicomTags.SourceApplicationEntityTitle) ?? string.Empty;
            var received = new ReceivedInstance(request, file, header.TransferSyntax.Uid, dataLength, sourceAe);
            var indexed = await InstanceIndexer.ReadAsync(storage, received, cancellationToken).ConfigureAwait(false);
            await index.AddAsync(indexed.Instance, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is DicomFormatException or InvalidDataException or EndOfStreamException or KeyNotFoundException)
        {
            return false;
        }
    }
}

/// <summary>What start-up reconciliation changed (all zero after a clean shutdown).</summary>
internal sealed record ReconciliationReport(int TemporaryFilesRemoved, int ReplacementsReverted, int RowsWithoutFileDropped, int FilesIndexed, IReadOnlyList<string> Quarantined)
{
    public bool ChangedAnything => TemporaryFilesRemoved + ReplacementsReverted + RowsWithoutFileDropped + FilesIndexed + Quarantined.Count > 0;

    public override string ToString() =>
        $"storage reconciled with the index: {TemporaryFilesRemoved} temporary files removed, {ReplacementsReverted} uncommitted replacements reverted, " +
        $"{RowsWithoutFileDropped} rows without a file dropped, {FilesIndexed} files without a row indexed, {Quarantined.Count} quarantined";
}
