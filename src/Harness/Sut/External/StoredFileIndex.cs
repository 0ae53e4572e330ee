using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Harness.Sut.External;

/// <summary>The Part 10 files under a folder an SCP stores into, by the SOP Instance UID of their file meta (other files skipped).</summary>
public static class StoredFileIndex
{
    public static IReadOnlyDictionary<string, string> ByInstanceUid(string folder)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(folder))
        {
            return files;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            try
            {
                files[DicomFile.Open(file).FileMetaInformation.GetUid(DicomTags.MediaStorageSOPInstanceUID)] = file;
            }
            catch (Exception ex) when (ex is DicomFormatException or IOException or KeyNotFoundException or InvalidDataException or DicomDataException)
            {
                // Not a Part 10 file (an index, a temporary file): not a stored object.
            }
        }

        return files;
    }
}
