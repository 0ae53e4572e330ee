using Conformance.Dicom.Query;

namespace Conformance.Harness.Matrix.Corpus;

/// <summary>
/// The objects query/retrieve cases run against, and what they hold. Three patients:
/// MTXA (ISO_IR 100 name, MR, two studies of two series of two images, 2024 study dates),
/// MTXB (ISO_IR 192 name, CT, one study, one series, two images, 2023),
/// MTXC (secondary capture, one study of three images; the failed sub-operation cases remove one file).
/// </summary>
public sealed record QueryCorpus(IReadOnlyList<QueryInstance> Instances)
{
    public const string LatinPatient = "MTXA";
    public const string Utf8Patient = "MTXB";
    public const string FragilePatient = "MTXC";

    public IReadOnlyList<string> Files => Instances.Select(i => i.Path).ToList();

    public IEnumerable<QueryInstance> OfPatient(string patientId) => Instances.Where(i => i["PatientID"] == patientId);

    /// <summary>The first study (by UID order) of a patient.</summary>
    public string FirstStudyOf(string patientId) => OfPatient(patientId).Select(i => i["StudyInstanceUID"]).Order(StringComparer.Ordinal).First();

    public IReadOnlyList<QueryInstance> OfStudy(string studyUid) => Instances.Where(i => i["StudyInstanceUID"] == studyUid).ToList();

    /// <summary>The keyword of the unique key at a level (PS3.4 C.2.1.1.3).</summary>
    public static string UniqueKey(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "PatientID",
        QueryLevel.Study => "StudyInstanceUID",
        QueryLevel.Series => "SeriesInstanceUID",
        _ => "SOPInstanceUID",
    };

    /// <summary>The distinct entities at a level among the instances that satisfy <paramref name="match"/>, one representative each.</summary>
    public IReadOnlyList<QueryInstance> EntitiesAt(QueryLevel level, Func<QueryInstance, bool> match) =>
        Instances.Where(match).GroupBy(i => i[UniqueKey(level)], StringComparer.Ordinal).Select(g => g.First()).ToList();
}
