using Conformance.Dicom.Query;

namespace Conformance.Scp.Index;

/// <summary>
/// The keys the index supports: the required and unique keys of PS3.4 C.6.1.1 / C.6.2.1 and a few
/// common optional ones.
/// </summary>
public static class QueryAttributes
{
    public const uint QueryRetrieveLevelTag = 0x0008_0052;
    public const uint SpecificCharacterSetTag = 0x0008_0005;
    public const uint FailedSopInstanceUidListTag = 0x0008_0058;

    public static readonly QueryAttribute PatientName = new(0x0010_0010, "PatientName", "PN", QueryLevel.Patient, "PatientName");
    public static readonly QueryAttribute PatientID = new(0x0010_0020, "PatientID", "LO", QueryLevel.Patient, "PatientID");
    public static readonly QueryAttribute PatientBirthDate = new(0x0010_0030, "PatientBirthDate", "DA", QueryLevel.Patient, "PatientBirthDate");
    public static readonly QueryAttribute PatientSex = new(0x0010_0040, "PatientSex", "CS", QueryLevel.Patient, "PatientSex");

    public static readonly QueryAttribute StudyInstanceUID = new(0x0020_000D, "StudyInstanceUID", "UI", QueryLevel.Study, "StudyInstanceUID");
    public static readonly QueryAttribute StudyDate = new(0x0008_0020, "StudyDate", "DA", QueryLevel.Study, "StudyDate");
    public static readonly QueryAttribute StudyTime = new(0x0008_0030, "StudyTime", "TM", QueryLevel.Study, "StudyTime");
    public static readonly QueryAttribute AccessionNumber = new(0x0008_0050, "AccessionNumber", "SH", QueryLevel.Study, "AccessionNumber");
    public static readonly QueryAttribute StudyID = new(0x0020_0010, "StudyID", "SH", QueryLevel.Study, "StudyID");
    public static readonly QueryAttribute ReferringPhysicianName = new(0x0008_0090, "ReferringPhysicianName", "PN", QueryLevel.Study, "ReferringPhysicianName");
    public static readonly QueryAttribute StudyDescription = new(0x0008_1030, "StudyDescription", "LO", QueryLevel.Study, "StudyDescription");

    public static readonly QueryAttribute ModalitiesInStudy = new(0x0008_0061, "ModalitiesInStudy", "CS", QueryLevel.Study,
        "(SELECT group_concat(m, '\\') FROM (SELECT DISTINCT se2.Modality AS m FROM series se2 WHERE se2.study_pk = st.pk AND se2.Modality <> '' ORDER BY m))")
    { IsComputed = true };

    public static readonly QueryAttribute NumberOfStudyRelatedInstances = new(0x0020_1208, "NumberOfStudyRelatedInstances", "IS", QueryLevel.Study,
        "(SELECT CAST(count(*) AS TEXT) FROM instances i2 JOIN series se3 ON i2.series_pk = se3.pk WHERE se3.study_pk = st.pk)")
    { IsComputed = true };

    public static readonly QueryAttribute SeriesInstanceUID = new(0x0020_000E, "SeriesInstanceUID", "UI", QueryLevel.Series, "SeriesInstanceUID");
    public static readonly QueryAttribute Modality = new(0x0008_0060, "Modality", "CS", QueryLevel.Series, "Modality");
    public static readonly QueryAttribute SeriesNumber = new(0x0020_0011, "SeriesNumber", "IS", QueryLevel.Series, "SeriesNumber");
    public static readonly QueryAttribute SeriesDescription = new(0x0008_103E, "SeriesDescription", "LO", QueryLevel.Series, "SeriesDescription");

    public static readonly QueryAttribute NumberOfSeriesRelatedInstances = new(0x0020_1209, "NumberOfSeriesRelatedInstances", "IS", QueryLevel.Series,
        "(SELECT CAST(count(*) AS TEXT) FROM instances i3 WHERE i3.series_pk = se.pk)")
    { IsComputed = true };

    public static readonly QueryAttribute SOPInstanceUID = new(0x0008_0018, "SOPInstanceUID", "UI", QueryLevel.Image, "SOPInstanceUID");
    public static readonly QueryAttribute SOPClassUID = new(0x0008_0016, "SOPClassUID", "UI", QueryLevel.Image, "SOPClassUID");
    public static readonly QueryAttribute InstanceNumber = new(0x0020_0013, "InstanceNumber", "IS", QueryLevel.Image, "InstanceNumber");

    public static IReadOnlyList<QueryAttribute> All { get; } =
    [
        PatientName, PatientID, PatientBirthDate, PatientSex,
        StudyInstanceUID, StudyDate, StudyTime, AccessionNumber, StudyID, ReferringPhysicianName, StudyDescription,
        ModalitiesInStudy, NumberOfStudyRelatedInstances,
        SeriesInstanceUID, Modality, SeriesNumber, SeriesDescription, NumberOfSeriesRelatedInstances,
        SOPInstanceUID, SOPClassUID, InstanceNumber,
    ];

    /// <summary>Attributes stored in the tables (everything but the computed ones).</summary>
    public static IEnumerable<QueryAttribute> Stored(QueryLevel level) => All.Where(a => a.Level == level && !a.IsComputed);

    public static QueryAttribute? Find(uint tag) => All.FirstOrDefault(a => a.Tag == tag);

    /// <summary>The unique key of a level, PS3.4 C.6.1.1 (Patient ID at PATIENT level).</summary>
    public static QueryAttribute UniqueKey(QueryLevel level) => level switch
    {
        QueryLevel.Patient => PatientID,
        QueryLevel.Study => StudyInstanceUID,
        QueryLevel.Series => SeriesInstanceUID,
        _ => SOPInstanceUID,
    };
}
