using System.Globalization;
using Conformance.Dicom.Query;
using Microsoft.Data.Sqlite;

namespace Conformance.Scp.Index;

/// <summary>
/// Adds or replaces one instance in one transaction: its patient, study and series are created or updated on the way
/// down; an instance stored again under its SOP Instance UID replaces its row, and a series, study or patient it leaves
/// empty is removed, so queries never find entities without instances. A missing attribute is indexed as empty.
/// </summary>
internal static class IndexWriter
{
    public static async Task AddAsync(SqliteConnection connection, IndexedInstance instance, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction();
        var previousSeries = await ScalarAsync(connection, transaction, "SELECT series_pk FROM instances WHERE SOPInstanceUID=@uid",
            ("@uid", Value(instance, QueryLevel.Image)), cancellationToken).ConfigureAwait(false);
        long? parent = null;
        long? series = null;
        foreach (var level in Enum.GetValues<QueryLevel>())
        {
            series = level == QueryLevel.Image ? parent : series;
            parent = await UpsertAsync(connection, transaction, level, parent, instance, cancellationToken).ConfigureAwait(false);
        }

        if (previousSeries is { } old && old != series)
        {
            await PruneAsync(connection, transaction, old, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
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

    private static async Task<long> UpsertAsync(
        SqliteConnection connection, SqliteTransaction transaction, QueryLevel level, long? parent, IndexedInstance instance, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = new List<string>();
        foreach (var attribute in QueryAttributes.Stored(level))
        {
            instance.Attributes.TryGetValue(attribute.Tag, out var value);
            names.Add(attribute.Column);
            command.Parameters.AddWithValue("@" + attribute.Column, value ?? string.Empty);
        }

        if (parent is { } parentPk)
        {
            names.Add(IndexSchema.ParentColumn(level));
            command.Parameters.AddWithValue("@" + IndexSchema.ParentColumn(level), parentPk);
        }

        if (level == QueryLevel.Image)
        {
            names.AddRange(["TransferSyntaxUID", "Location", "Size"]);
            command.Parameters.AddWithValue("@TransferSyntaxUID", instance.TransferSyntaxUid);
            command.Parameters.AddWithValue("@Location", instance.Location);
            command.Parameters.AddWithValue("@Size", instance.Size);
        }

        var unique = IndexSchema.UniqueColumns(level);
        var updates = names.Where(n => !unique.Contains(n, StringComparison.Ordinal)).Select(n => $"{n}=excluded.{n}");
        command.CommandText =
            $"INSERT INTO {IndexSchema.Table(level)} ({string.Join(", ", names)}) VALUES ({string.Join(", ", names.Select(n => "@" + n))}) " +
            $"ON CONFLICT({unique}) DO UPDATE SET {string.Join(", ", updates)} RETURNING pk";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
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
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return result is null or DBNull ? null : Convert.ToInt64(result, CultureInfo.InvariantCulture);
    }
}
