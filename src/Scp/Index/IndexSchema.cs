using Conformance.Dicom.Query;

namespace Conformance.Scp.Index;

/// <summary>
/// The tables: one per level of the hierarchy (patients, studies, series, instances), one column per
/// stored <see cref="QueryAttribute"/>, each row linked to its parent. Patient Root and Study Root
/// queries read the same tables. A study or series is unique within its parent (so objects without a Study
/// or Series Instance UID group under an empty one per patient or study, never across patients); patients by
/// Patient ID, instances by SOP Instance UID.
/// </summary>
internal static class IndexSchema
{
    /// <summary>PRAGMA user_version of this layout; 1 had studies and series unique across the whole index.</summary>
    public const int Version = 2;

    public static string Table(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "patients",
        QueryLevel.Study => "studies",
        QueryLevel.Series => "series",
        _ => "instances",
    };

    public static string Alias(QueryLevel level) => level switch
    {
        QueryLevel.Patient => "p",
        QueryLevel.Study => "st",
        QueryLevel.Series => "se",
        _ => "i",
    };

    public static string ParentColumn(QueryLevel level) => level switch
    {
        QueryLevel.Study => "patient_pk",
        QueryLevel.Series => "study_pk",
        QueryLevel.Image => "series_pk",
        _ => throw new ArgumentOutOfRangeException(nameof(level), "PATIENT has no parent."),
    };

    public static string CreateStatements()
    {
        var sql = new System.Text.StringBuilder();
        foreach (var level in Enum.GetValues<QueryLevel>())
        {
            sql.Append("CREATE TABLE IF NOT EXISTS ").Append(Table(level)).Append(" (pk INTEGER PRIMARY KEY");
            if (level != QueryLevel.Patient)
            {
                sql.Append(", ").Append(ParentColumn(level)).Append(" INTEGER NOT NULL REFERENCES ")
                    .Append(Table(level - 1)).Append("(pk) ON DELETE CASCADE");
            }

            foreach (var attribute in QueryAttributes.Stored(level))
            {
                sql.Append(", ").Append(attribute.Column).Append(" TEXT NOT NULL DEFAULT ''");
            }

            if (level == QueryLevel.Image)
            {
                sql.Append(", TransferSyntaxUID TEXT NOT NULL, Location TEXT NOT NULL, Size INTEGER NOT NULL");
            }

            sql.Append(", UNIQUE(").Append(UniqueColumns(level)).Append("));\n");
            if (level != QueryLevel.Patient)
            {
                sql.Append("CREATE INDEX IF NOT EXISTS ix_").Append(Table(level)).Append("_parent ON ")
                    .Append(Table(level)).Append('(').Append(ParentColumn(level)).Append(");\n");
            }
        }

        return sql.Append("PRAGMA user_version=").Append(Version).Append(';').ToString();
    }

    /// <summary>The UNIQUE constraint (and ON CONFLICT target) of a level's table.</summary>
    public static string UniqueColumns(QueryLevel level) =>
        level is QueryLevel.Study or QueryLevel.Series
            ? ParentColumn(level) + ", " + QueryAttributes.UniqueKey(level).Column
            : QueryAttributes.UniqueKey(level).Column;
}
