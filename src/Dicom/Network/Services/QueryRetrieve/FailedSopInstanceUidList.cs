using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>The identifier of a final C-MOVE/C-GET response: Failed SOP Instance UID List (0008,0058), both directions.</summary>
public static class FailedSopInstanceUidList
{
    public static byte[] Encode(IEnumerable<string> uids, DicomTransferSyntax syntax)
    {
        var dataset = new DicomDataset();
        dataset.SetStrings(DicomTags.FailedSOPInstanceUIDList, DicomVR.UI, uids);
        return DicomDatasetWriter.ToArray(dataset, syntax);
    }

    /// <summary>The UIDs an identifier lists; none for an empty identifier or one without the attribute.</summary>
    public static IReadOnlyList<string> Decode(ReadOnlyMemory<byte> identifier, DicomTransferSyntax syntax)
    {
        if (identifier.IsEmpty)
        {
            return [];
        }

        var dataset = DicomDatasetReader.Read(identifier, syntax);
        return dataset.Contains(DicomTags.FailedSOPInstanceUIDList)
            ? dataset.GetStrings(DicomTags.FailedSOPInstanceUIDList).Where(s => s.Length > 0).ToList()
            : [];
    }
}
