using System.Globalization;
using Conformance.Dicom.Query;
using Microsoft.Data.Sqlite;

namespace Conformance.Scp.Index;

/// <summary>
/// The SCP's index of stored instances in SQLite (a file, or memory). One connection, one operation at
/// a time: SQLite serialises writers anyway and the SCP's work per row is tiny next to the network.
/// A row is visible to queries only once <see cref="AddAsync"/> has committed.
/// </summary>
public sealed class SqliteInstanceIndex : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IndexWriter? _writer;

    private SqliteInstanceIndex(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens (creating if needed) the index at <paramref name="path"/>, or an in-memory one when null.</summary>
    public static Task<SqliteInstanceIndex> OpenAsync(string? path, CancellationToken cancellationToken) =>
        OpenAsync(path, durable: false, cancellationToken);

    /// <summary>
    /// As <see cref="OpenAsync(string?, CancellationToken)"/>; <paramref name="durable"/> makes every commit reach the
    /// disk (WAL, synchronous=FULL) before it returns. Otherwise commits are atomic and consistent but not
    /// fsynced (synchronous=NORMAL), matching the storage area's non-durable files.
    /// </summary>
    public static async Task<SqliteInstanceIndex> OpenAsync(string? path, bool durable, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        var connection = new SqliteConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var index = new SqliteInstanceIndex(connection);
        var pragmas = path is null
            ? "PRAGMA foreign_keys=ON;"
            : $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(durable ? "FULL" : "NORMAL")}; PRAGMA foreign_keys=ON;";
        await index.ExecuteAsync(pragmas, cancellationToken).ConfigureAwait(false);
        await index.RequireCurrentSchemaAsync(path, cancellationToken).ConfigureAwait(false);
        await index.ExecuteAsync(IndexSchema.CreateStatements(), cancellationToken).ConfigureAwait(false);
        return index;
    }

    /// <summary>Adds or replaces an instance (and creates its patient, study and series) in one transaction (<see cref="IndexWriter"/>).</summary>
    public async Task AddAsync(IndexedInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Prepared on first use, under the gate, once the schema exists.
            _writer ??= new IndexWriter(_connection);
            await _writer.AddAsync(instance, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Matches <paramref name="keys"/> at <paramref name="level"/>; each result holds the attributes of that level and above.</summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<uint, string>>> FindAsync(
        QueryModel model, QueryLevel level, IReadOnlyList<QueryKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (!model.Supports(level))
        {
            throw new ArgumentException($"The {model} model has no {level.ToDicom()} level.", nameof(level));
        }

        var rows = await SelectAsync(level, level, keys, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => (IReadOnlyDictionary<uint, string>)r.Attributes).ToList();
    }

    /// <summary>The instances below the entities that <paramref name="keys"/> select at <paramref name="level"/> (for C-MOVE/C-GET).</summary>
    public async Task<IReadOnlyList<StoredInstance>> FindInstancesAsync(
        QueryLevel level, IReadOnlyList<QueryKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var rows = await SelectAsync(QueryLevel.Image, level, keys, cancellationToken).ConfigureAwait(false);
        return rows.Select(r => r.Instance!).ToList();
    }

    /// <summary>Removes an instance's row (and entities it leaves empty); false when it had none.</summary>
    public async Task<bool> RemoveAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sopInstanceUid);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await IndexWriter.RemoveAsync(_connection, sopInstanceUid, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Every instance row's SOP Instance UID and the location of its file (for reconciling index and storage).</summary>
    public async Task<IReadOnlyList<(string SopInstanceUid, string Location)>> ListLocationsAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT SOPInstanceUID, Location FROM instances";
            var rows = new List<(string, string)>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }

            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<long> CountInstancesAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM instances";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _writer?.Dispose();
        await _connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<List<IndexRow>> SelectAsync(
        QueryLevel rowLevel, QueryLevel keyLevel, IReadOnlyList<QueryKey> keys, CancellationToken cancellationToken)
    {
        var attributes = QueryAttributes.All.Where(a => a.Level <= rowLevel).ToList();
        var matchers = keys
            .Select(k => (Key: k, Attribute: QueryAttributes.Find(k.Tag)))
            .Where(m => m.Attribute is not null && m.Attribute.Level <= keyLevel && KeyMatcher.KindOf(m.Attribute.Vr, m.Key.Value) != MatchKind.Universal)
            .ToList();

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = IndexQuery.Build(rowLevel, attributes, matchers.Select(m => (m.Key, m.Attribute!)), command.Parameters);
            var rows = new List<IndexRow>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var values = new Dictionary<uint, string>(attributes.Count);
                for (var i = 0; i < attributes.Count; i++)
                {
                    values[attributes[i].Tag] = reader.IsDBNull(i) ? string.Empty : reader.GetString(i);
                }

                if (!matchers.TrueForAll(m => KeyMatcher.Matches(m.Attribute!.Vr, m.Key.Value, values[m.Key.Tag])))
                {
                    continue;
                }

                StoredInstance? instance = null;
                if (rowLevel == QueryLevel.Image)
                {
                    var n = attributes.Count;
                    instance = new StoredInstance(
                        values[QueryAttributes.SOPClassUID.Tag], values[QueryAttributes.SOPInstanceUID.Tag],
                        reader.GetString(n), reader.GetString(n + 1), reader.GetInt64(n + 2));
                }

                rows.Add(new IndexRow(values, instance));
            }

            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    // CREATE TABLE IF NOT EXISTS would keep an older layout's constraints, which the upserts no longer match.
    private async Task RequireCurrentSchemaAsync(string? path, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT (SELECT user_version FROM pragma_user_version), (SELECT count(*) FROM sqlite_master WHERE type='table' AND name='patients')";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var (version, hasTables) = (reader.GetInt32(0), reader.GetInt32(1) > 0);
        if (hasTables && version != IndexSchema.Version)
        {
            throw new InvalidDataException(
                $"The index {path} has layout version {version}; this SCP writes version {IndexSchema.Version}. Delete it (and its -wal/-shm files): it is rebuilt by storing the objects again.");
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record IndexRow(Dictionary<uint, string> Attributes, StoredInstance? Instance);
}
