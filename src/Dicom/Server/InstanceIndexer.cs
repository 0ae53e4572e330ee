using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Dicom.Server.Index;

namespace Conformance.Dicom.Server;

/// <summary>Reads a stored instance's query attributes (everything before the pixel data) for its index row.</summary>
internal static class InstanceIndexer
{
    private static readonly DicomReaderOptions Options = new() { LazyValueThreshold = 64 * 1024 };

    public static async Task<IndexedInstance> ReadAsync(IInstanceStorage storage, ReceivedInstance received, CancellationToken cancellationToken)
    {
        var stream = storage.OpenRead(received.Location);
        await using (stream.ConfigureAwait(false))
        {
            var header = DicomFile.ReadHeader(stream);
            var dataset = DicomDatasetReader.Read(stream, header.TransferSyntax, Options);
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
            foreach (var required in new[] { QueryAttributes.StudyInstanceUID, QueryAttributes.SeriesInstanceUID })
            {
                if (!attributes.TryGetValue(required.Tag, out var uid) || uid.Length == 0)
                {
                    throw new InvalidDataException($"{received.Request.AffectedSopInstanceUid} has no {required.Keyword}; it cannot be indexed.");
                }
            }

            return new IndexedInstance(attributes, received.TransferSyntaxUid, received.Location, received.DataLength);
        }
    }
}
