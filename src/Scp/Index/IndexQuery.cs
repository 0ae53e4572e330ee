using System.Text;
using Conformance.Dicom.Query;
using Microsoft.Data.Sqlite;

namespace Conformance.Scp.Index;

/// <summary>
/// Builds the SELECT over the level tables. UID keys (single value or list) narrow the rows in SQL;
/// every other key is matched by <see cref="KeyMatcher"/> on the rows read, so one implementation
/// of the PS3.4 rules decides.
/// </summary>
internal static class IndexQuery
{
    public static string Build(
        QueryLevel rowLevel,
        IReadOnlyList<QueryAttribute> attributes,
        IEnumerable<(QueryKey Key, QueryAttribute Attribute)> matchers,
        SqliteParameterCollection parameters)
    {
        var sql = new StringBuilder("SELECT ");
        sql.AppendJoin(", ", attributes.Select(a => a.IsComputed ? a.Column : $"{IndexSchema.Alias(a.Level)}.{a.Column}"));
        if (rowLevel == QueryLevel.Image)
        {
            sql.Append(", i.TransferSyntaxUID, i.Location, i.Size");
        }

        sql.Append(" FROM patients p");
        for (var level = QueryLevel.Study; level <= rowLevel; level++)
        {
            sql.Append(" JOIN ").Append(IndexSchema.Table(level)).Append(' ').Append(IndexSchema.Alias(level))
                .Append(" ON ").Append(IndexSchema.Alias(level)).Append('.').Append(IndexSchema.ParentColumn(level))
                .Append(" = ").Append(IndexSchema.Alias(level - 1)).Append(".pk");
        }

        var conditions = new List<string>();
        foreach (var (key, attribute) in matchers)
        {
            if (attribute.Vr != "UI" || attribute.IsComputed)
            {
                continue;
            }

            var uids = key.Value.Split('\\').Select(u => u.Trim(' ', '\0')).Where(u => u.Length > 0).ToList();
            var names = new List<string>();
            foreach (var uid in uids)
            {
                var name = "@k" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                parameters.AddWithValue(name, uid);
                names.Add(name);
            }

            conditions.Add($"{IndexSchema.Alias(attribute.Level)}.{attribute.Column} IN ({string.Join(", ", names)})");
        }

        if (conditions.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        sql.Append(" ORDER BY ");
        sql.AppendJoin(", ", Enumerable.Range(0, (int)rowLevel + 1).Select(l => IndexSchema.Alias((QueryLevel)l) + ".pk"));
        return sql.ToString();
    }
}
