using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>
/// Reads a stored instance's query attributes for its index row: from the data set prefix kept while it was
/// received (the elements before <see cref="StopTag"/>), else from the stored file with large values left in place.
/// What is missing is indexed as empty and reported (<see cref="IndexedAttributes.Missing"/>), never refused: the
/// SCP keeps what arrives (PS3.4 B.2.3 allows at most a warning).
/// </summary>
internal static class InstanceIndexer
{
    /// <summary>The first top-level tag after every stored query attribute: nothing from here on is indexed.</summary>
    public static readonly uint StopTag = QueryAttributes.All.Where(a => !a.IsComputed).Max(a => a.Tag) + 1;

    private static readonly DicomReaderOptions Options = new() { LazyValueThreshold = 64 * 1024 };

    /// <summary>Patient ID is Type 2 (present, maybe empty); the Study and Series Instance UIDs are Type 1.</summary>
    private static readonly (QueryAttribute Attribute, bool MayBeEmpty)[] Identifying =
        [(QueryAttributes.PatientID, true), (QueryAttributes.StudyInstanceUID, false), (QueryAttributes.SeriesInstanceUID, false)];

    public static async Task<IndexedAttributes> ReadAsync(IInstanceStorage storage, ReceivedInstance received, CancellationToken cancellationToken)
    {
        var dataset = received.DatasetPrefix is { } prefix
            ? DicomDatasetReader.Read(prefix, DicomTransferSyntax.Lookup(received.TransferSyntaxUid), Options)
            : await ReadStoredAsync(storage, received.Location).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var attributes = new Dictionary<uint, string>();
        foreach (var attribute in QueryAttributes.All.Where(a => !a.IsComputed))
        {
            if (dataset.TryGetElement(new DicomTag(attribute.Tag), out var element) && element is DicomValueElement value)
            {
                attributes[attribute.Tag] = value.GetString(dataset.CharacterSet);
            }
        }

        // The command names the instance; a data set that disagrees is indexed under the command's UIDs.
        attributes[QueryAttributes.SOPInstanceUID.Tag] = received.Request.AffectedSopInstanceUid;
        attributes[QueryAttributes.SOPClassUID.Tag] = received.Request.AffectedSopClassUid;
        var missing = Identifying
            .Where(i => !attributes.TryGetValue(i.Attribute.Tag, out var value) || (value.Length == 0 && !i.MayBeEmpty))
            .Select(i => i.Attribute)
            .ToList();
        return new IndexedAttributes(new IndexedInstance(attributes, received.TransferSyntaxUid, received.Location, received.DataLength), missing);
    }

    // Deflated data sets, or a prefix too long or malformed to follow while receiving.
    private static async Task<DicomDataset> ReadStoredAsync(IInstanceStorage storage, string location)
    {
        var stream = storage.OpenRead(location);
        await using (stream.ConfigureAwait(false))
        {
            var header = DicomFile.ReadHeader(stream);
            return DicomDatasetReader.Read(stream, header.TransferSyntax, Options);
        }
    }
}

/// <summary>An index row, and the identifying attributes the object lacked (indexed as empty).</summary>
internal sealed record IndexedAttributes(IndexedInstance Instance, IReadOnlyList<QueryAttribute> Missing);
