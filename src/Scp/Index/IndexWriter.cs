using System.Globalization;
using Conformance.Dicom.Query;
using Microsoft.Data.Sqlite;

namespace Conformance.Scp.Index;

/// <summary>
/// Adds or replaces one instance in one transaction: its patient, study and series are created or updated on the way
/// down; an instance stored again under its SOP Instance UID replaces its row, and a series, study or patient it leaves
/// empty is removed, so queries never find entities without instances. A missing attribute is indexed as empty.
/// The statements of an add are prepared once per connection and reused (SQLite compiles a statement each time a new
/// command runs it, which cost more than the insert itself); one writer serves one connection, one add at a time.
/// </summary>
internal sealed class IndexWriter(SqliteConnection connection) : IDisposable
{
    private readonly SqliteCommand _previousSeries = Prepared(connection, "SELECT series_pk FROM instances WHERE SOPInstanceUID=@uid", ["@uid"]);
    private readonly Dictionary<QueryLevel, (SqliteCommand Command, IReadOnlyList<(string Column, uint? Tag)> Values)> _upserts =
        Enum.GetValues<QueryLevel>().ToDictionary(level => level, level => Upsert(connection, level));

    public async Task AddAsync(IndexedInstance instance, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        _previousSeries.Transaction = transaction;
        _previousSeries.Parameters[0].Value = Value(instance, QueryLevel.Image);
        var previousSeries = Int64OrNull(await _previousSeries.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
        long? parent = null;
        long? series = null;
        foreach (var level in Enum.GetValues<QueryLevel>())
        {
            series = level == QueryLevel.Image ? parent : series;
            parent = await UpsertAsync(transaction, level, parent, instance, cancellationToken).ConfigureAwait(false);
        }

        if (previousSeries is { } old && old != series)
        {
            await PruneAsync(connection, transaction, old, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _previousSeries.Dispose();
        foreach (var (command, _) in _upserts.Values)
        {
            command.Dispose();
        }
    }

    /// <summary>Removes an instance's row, and the series, study and patient it leaves empty; false when there was none.</summary>
    public static async Task<bool> RemoveAsync(SqliteConnection connection, string sopInstanceUid, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var series = await ScalarAsync(connection, transaction, "DELETE FROM instances WHERE SOPInstanceUID=@uid RETURNING series_pk",
            ("@uid", sopInstanceUid), cancellationToken).ConfigureAwait(false);
        if (series is { } pk)
        {
            await PruneAsync(connection, transaction, pk, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return series is not null;
    }

    private static string Value(IndexedInstance instance, QueryLevel level) =>
        instance.Attributes.TryGetValue(QueryAttributes.UniqueKey(level).Tag, out var value) ? value : string.Empty;

    private async Task<long> UpsertAsync(
        SqliteTransaction transaction, QueryLevel level, long? parent, IndexedInstance instance, CancellationToken cancellationToken)
    {
        var (command, values) = _upserts[level];
        command.Transaction = transaction;
        for (var i = 0; i < values.Count; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                (_, { } tag) => instance.Attributes.TryGetValue(tag, out var value) ? value : string.Empty,
                ("TransferSyntaxUID", _) => instance.TransferSyntaxUid,
                ("Location", _) => instance.Location,
                ("Size", _) => instance.Size,
                _ => parent ?? throw new InvalidOperationException($"No parent row for the {level.ToDicom()} level."),
            };
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>A level's INSERT ... ON CONFLICT DO UPDATE ... RETURNING pk, and what each parameter takes: an attribute
    /// (its tag), the parent's pk (no tag, the parent column) or the instance's transfer syntax, location and size.</summary>
    private static (SqliteCommand, IReadOnlyList<(string Column, uint? Tag)>) Upsert(SqliteConnection connection, QueryLevel level)
    {
        var values = QueryAttributes.Stored(level).Select(a => (a.Column, (uint?)a.Tag)).ToList();
        if (level != QueryLevel.Patient)
        {
            values.Add((IndexSchema.ParentColumn(level), null));
        }

        if (level == QueryLevel.Image)
        {
            values.AddRange([("TransferSyntaxUID", null), ("Location", null), ("Size", null)]);
        }

        var names = values.Select(v => v.Column).ToList();
        var unique = IndexSchema.UniqueColumns(level);
        var updates = names.Where(n => !unique.Contains(n, StringComparison.Ordinal)).Select(n => $"{n}=excluded.{n}");
        var sql = $"INSERT INTO {IndexSchema.Table(level)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) " +
            $"ON CONFLICT({unique}) DO UPDATE SET {string.Join(", ", updates)} RETURNING pk";
        return (Prepared(connection, sql, names.Select(n => "@" + n)), values);
    }

    private static SqliteCommand Prepared(SqliteConnection connection, string sql, IEnumerable<string> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new SqliteParameter(parameter, string.Empty));
        }

        command.Prepare();
        return command;
    }

    // A replaced instance moved to another series, or a removed one: remove its old series, study and patient while they are empty.
    private static async Task PruneAsync(SqliteConnection connection, SqliteTransaction transaction, long series, CancellationToken cancellationToken)
    {
        (string Table, string Child, string ChildParent, string Parent)[] chain =
        [
            ("series", "instances", "series_pk", "study_pk"),
            ("studies", "series", "study_pk", "patient_pk"),
            ("patients", "studies", "patient_pk", "NULL"),
        ];
        long? pk = series;
        foreach (var (table, child, childParent, parentColumn) in chain)
        {
            if (pk is not { } current)
            {
                return;
            }

            pk = await ScalarAsync(connection, transaction,
                $"DELETE FROM {table} WHERE pk=@pk AND NOT EXISTS (SELECT 1 FROM {child} WHERE {childParent}=@pk) RETURNING {parentColumn}",
                ("@pk", current), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long?> ScalarAsync(
        SqliteConnection connection, SqliteTransaction transaction, string sql, (string Name, object Value) parameter, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue(parameter.Name, parameter.Value);
        return Int64OrNull(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false));
    }

    private static long? Int64OrNull(object? result) => result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
}
