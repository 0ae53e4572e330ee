using Conformance.Dicom.Query;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Sut;

namespace Conformance.Harness.Matrix.Cells;

/// <summary>
/// The matrix's queries over <see cref="QueryCorpus"/>: both models, every level, single value, wildcard,
/// range, list and UID-list matching, return keys, and non-ASCII names in ISO_IR 100 and ISO_IR 192.
/// </summary>
public static class QueryCases
{
    private const string A = QueryCorpus.LatinPatient;
    private const string B = QueryCorpus.Utf8Patient;
    private const string C = QueryCorpus.FragilePatient;

    public static readonly QueryCase PatientSingle = new("patient-root.patient.single", QueryModel.PatientRoot, QueryLevel.Patient,
        _ => [K("PatientID", B), K("PatientName"), K("PatientBirthDate"), K("PatientSex")], _ => i => i["PatientID"] == B);

    public static readonly QueryCase PatientWildcard = new("patient-root.patient.wildcard", QueryModel.PatientRoot, QueryLevel.Patient,
        _ => [K("PatientID", "MTX*"), K("PatientBirthDate")], _ => i => i["PatientID"].StartsWith("MTX", StringComparison.Ordinal));

    public static readonly QueryCase PatientStudyRange = new("patient-root.study.range", QueryModel.PatientRoot, QueryLevel.Study,
        _ => [K("PatientID", A), K("StudyInstanceUID"), K("StudyDate", "20240101-20240630"), K("AccessionNumber")],
        _ => i => i["PatientID"] == A && string.CompareOrdinal(i["StudyDate"], "20240630") <= 0 && string.CompareOrdinal(i["StudyDate"], "20240101") >= 0);

    public static readonly QueryCase PatientSeriesSingle = new("patient-root.series.single", QueryModel.PatientRoot, QueryLevel.Series,
        c => [K("PatientID", A), K("StudyInstanceUID", c.FirstStudyOf(A)), K("SeriesInstanceUID"), K("Modality", "MR"), K("SeriesNumber")],
        c => i => i["StudyInstanceUID"] == c.FirstStudyOf(A) && i["Modality"] == "MR");

    public static readonly QueryCase PatientImageUidList = new("patient-root.image.uid-list", QueryModel.PatientRoot, QueryLevel.Image,
        c => [K("PatientID", A), K("StudyInstanceUID", c.FirstStudyOf(A)), K("SeriesInstanceUID", FirstSeries(c)), K("SOPInstanceUID", FirstImage(c) + @"\1.2.826.0.1.3680043.10.1137.404"), K("InstanceNumber")],
        c => i => i["SOPInstanceUID"] == FirstImage(c));

    public static readonly QueryCase StudyWildcard = new("study-root.study.wildcard", QueryModel.StudyRoot, QueryLevel.Study,
        _ => [K("PatientID", "MTX?"), K("StudyInstanceUID"), K("StudyDate"), K("PatientName")], _ => i => i["PatientID"].StartsWith("MTX", StringComparison.Ordinal));

    public static readonly QueryCase StudyUidList = new("study-root.study.uid-list", QueryModel.StudyRoot, QueryLevel.Study,
        c => [K("StudyInstanceUID", c.FirstStudyOf(A) + "\\" + c.FirstStudyOf(B)), K("PatientID")],
        c => i => i["StudyInstanceUID"] == c.FirstStudyOf(A) || i["StudyInstanceUID"] == c.FirstStudyOf(B));

    public static readonly QueryCase StudySeriesList = new("study-root.series.list", QueryModel.StudyRoot, QueryLevel.Series,
        c => [K("StudyInstanceUID", c.FirstStudyOf(A)), K("SeriesInstanceUID"), K("Modality", @"CT\MR")],
        c => i => i["StudyInstanceUID"] == c.FirstStudyOf(A));

    public static readonly QueryCase StudyImageSingle = new("study-root.image.single", QueryModel.StudyRoot, QueryLevel.Image,
        c => [K("StudyInstanceUID", c.FirstStudyOf(C)), K("SeriesInstanceUID", c.OfPatient(C).First()["SeriesInstanceUID"]), K("SOPInstanceUID"), K("InstanceNumber", "2")],
        c => i => i["PatientID"] == C && i["InstanceNumber"] == "2");

    public static readonly QueryCase StudyLatin1 = new("study-root.study.iso-ir-100", QueryModel.StudyRoot, QueryLevel.Study,
        _ => [K("PatientName", "Müller*"), K("StudyInstanceUID"), K("PatientID")], _ => i => i["PatientID"] == A) { CharacterSet = "ISO_IR 100" };

    public static readonly QueryCase StudyUtf8 = new("study-root.study.iso-ir-192", QueryModel.StudyRoot, QueryLevel.Study,
        _ => [K("PatientName", "Ødeg*"), K("StudyInstanceUID"), K("PatientID")], _ => i => i["PatientID"] == B) { CharacterSet = "ISO_IR 192" };

    /// <summary>Every query, for the SUT's SCP (findscu) and the archives.</summary>
    public static IReadOnlyList<QueryCase> All { get; } =
        [PatientSingle, PatientWildcard, PatientStudyRange, PatientSeriesSingle, PatientImageUidList, StudyWildcard, StudyUidList, StudySeriesList, StudyImageSingle, StudyLatin1, StudyUtf8];

    private static QueryKeyValue K(string keyword, string value = "") => new(keyword, value);

    private static string FirstSeries(QueryCorpus corpus) =>
        corpus.OfStudy(corpus.FirstStudyOf(A)).Select(i => i["SeriesInstanceUID"]).Order(StringComparer.Ordinal).First();

    private static string FirstImage(QueryCorpus corpus) =>
        corpus.OfStudy(corpus.FirstStudyOf(A)).Where(i => i["SeriesInstanceUID"] == FirstSeries(corpus)).Select(i => i["SOPInstanceUID"]).Order(StringComparer.Ordinal).First();
}
