using Conformance.Dicom.Data;
using Conformance.Dicom.IO;

namespace Conformance.Harness.Matrix.Corpus;

/// <summary>
/// One object of the query corpus with the attributes queries match and return, read back from the file
/// itself (so the expected answers are what was stored, not what the generator meant to write).
/// </summary>
public sealed record QueryInstance(string Path, IReadOnlyDictionary<string, string> Attributes)
{
    public static readonly string[] Keywords =
    [
        "SpecificCharacterSet", "PatientID", "PatientName", "PatientBirthDate", "PatientSex",
        "StudyInstanceUID", "StudyDate", "AccessionNumber", "StudyID", "StudyDescription",
        "SeriesInstanceUID", "Modality", "SeriesNumber",
        "SOPInstanceUID", "SOPClassUID", "InstanceNumber",
    ];

    public string this[string keyword] => Attributes.TryGetValue(keyword, out var value) ? value : string.Empty;

    public static QueryInstance Read(string path)
    {
        var dataset = DicomFile.Open(path).Dataset;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var keyword in Keywords)
        {
            if (dataset.TryGetString(DicomTag.FromKeyword(keyword), out var value))
            {
                attributes[keyword] = value.TrimEnd(' ', '\0');
            }
        }

        return new QueryInstance(path, attributes);
    }
}
