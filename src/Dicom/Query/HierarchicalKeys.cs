using Conformance.Dicom.Data;

namespace Conformance.Dicom.Query;

/// <summary>
/// The baseline (hierarchical) rules for an identifier when relational queries and retrievals were not negotiated
/// (SOP Class Extended Negotiation, PS3.4 C.4.1.2.1, C.4.2.2.1, C.4.3.2.1; C.2.2: "Unique Keys shall be contained in
/// the Identifier of C-MOVE and C-GET requests"): each level above the Query/Retrieve Level names one entity by its
/// unique key (a single value), and a retrieval names what it retrieves by the unique key of its own level (one value,
/// or a list of UIDs below PATIENT).
/// </summary>
public static class HierarchicalKeys
{
    /// <summary>Why the identifier is not hierarchical, or null when it is.</summary>
    public static string? Check(QueryModel model, QueryLevel level, DicomDataset identifier, bool retrieve)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var top = model == QueryModel.PatientRoot ? QueryLevel.Patient : QueryLevel.Study;
        for (var above = top; above < level; above++)
        {
            if (!IsSingleValue(Value(identifier, above)))
            {
                return $"no relational query: {UniqueKey(above).Keyword} must be one value above {level.ToDicom()}";
            }
        }

        if (retrieve)
        {
            var own = Value(identifier, level);
            var valid = level == QueryLevel.Patient ? IsSingleValue(own) : own.Split('\\').All(IsSingleValue);
            if (!valid)
            {
                return $"a retrieve at {level.ToDicom()} needs its unique key {UniqueKey(level).Keyword}";
            }
        }

        return null;
    }

    /// <summary>The unique key of a level (PS3.4 C.6.1.1, C.6.2.1).</summary>
    public static DicomTag UniqueKey(QueryLevel level) => level switch
    {
        QueryLevel.Patient => DicomTags.PatientID,
        QueryLevel.Study => DicomTags.StudyInstanceUID,
        QueryLevel.Series => DicomTags.SeriesInstanceUID,
        _ => DicomTags.SOPInstanceUID,
    };

    private static string Value(DicomDataset identifier, QueryLevel level) =>
        identifier.TryGetString(UniqueKey(level), out var value) ? value.Trim(' ', '\0') : string.Empty;

    // Single value matching: not empty (universal), no list, no wild card.
    private static bool IsSingleValue(string value) =>
        value.Length > 0 && value.AsSpan().IndexOfAny('\\', '*', '?') < 0;
}
