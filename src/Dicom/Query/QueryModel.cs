namespace Conformance.Dicom.Query;

/// <summary>The query/retrieve information models we serve, PS3.4 C.6.1 and C.6.2.</summary>
public enum QueryModel
{
    PatientRoot,
    StudyRoot,
}

/// <summary>SOP classes of the information models (PS3.4 Annex C; PS3.6 Annex A).</summary>
public static class QuerySopClass
{
    public const string PatientRootFind = "1.2.840.10008.5.1.4.1.2.1.1";
    public const string PatientRootMove = "1.2.840.10008.5.1.4.1.2.1.2";
    public const string PatientRootGet = "1.2.840.10008.5.1.4.1.2.1.3";
    public const string StudyRootFind = "1.2.840.10008.5.1.4.1.2.2.1";
    public const string StudyRootMove = "1.2.840.10008.5.1.4.1.2.2.2";
    public const string StudyRootGet = "1.2.840.10008.5.1.4.1.2.2.3";

    public static string Find(QueryModel model) => model == QueryModel.PatientRoot ? PatientRootFind : StudyRootFind;

    public static string Move(QueryModel model) => model == QueryModel.PatientRoot ? PatientRootMove : StudyRootMove;

    public static string Get(QueryModel model) => model == QueryModel.PatientRoot ? PatientRootGet : StudyRootGet;

    /// <summary>The model a FIND/MOVE/GET SOP class belongs to, or null for another class.</summary>
    public static QueryModel? ModelOf(string sopClassUid) => sopClassUid switch
    {
        PatientRootFind or PatientRootMove or PatientRootGet => QueryModel.PatientRoot,
        StudyRootFind or StudyRootMove or StudyRootGet => QueryModel.StudyRoot,
        _ => null,
    };

    /// <summary>The lowest level a model starts at: Study Root has no PATIENT level.</summary>
    public static bool Supports(this QueryModel model, QueryLevel level) =>
        model == QueryModel.PatientRoot || level != QueryLevel.Patient;
}
