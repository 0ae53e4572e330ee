using System.Runtime.InteropServices;
using Conformance.Harness.Topologies;
using Conformance.Reporting.Results;

namespace Conformance.Harness.Matrix.Running;

/// <summary>
/// The rows of one run, written as each case ends (the whole document, beside and renamed, so the file is
/// always complete and a killed run keeps its rows) and once more at the end with the topologies' links.
/// </summary>
public sealed class MatrixResults(string producer, string directory, Func<IReadOnlyList<LinkMeasurement>> links) : IDisposable
{
    private readonly List<CaseResult> _rows = [];
    private readonly SemaphoreSlim _writing = new(1, 1);

    public string Directory { get; } = directory;

    public string FilePath => ResultsLocation.AssemblyFile(Directory, producer);

    public IReadOnlyList<CaseResult> Rows
    {
        get
        {
            lock (_rows)
            {
                return [.. _rows];
            }
        }
    }

    /// <summary>Adds a row (replacing an earlier row of the same case) and rewrites the file.</summary>
    public async Task AddAsync(CaseResult row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_rows)
        {
            _rows.RemoveAll(r => r.Id == row.Id && r.DebianSuite == row.DebianSuite);
            _rows.Add(row);
        }

        await WriteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WriteAsync(CancellationToken cancellationToken)
    {
        var document = new ResultsDocument
        {
            Producer = producer,
            GeneratedAt = DateTimeOffset.UtcNow,
            Machine = $"{Environment.MachineName}, {RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}",
            Links = links().Select(l => new LinkResult
            {
                Topology = l.Topology,
                RoundTripMs = l.RoundTrip.TotalMilliseconds,
                ThroughputMbit = l.ThroughputMbit,
                Method = l.Method,
                Note = l.Note,
            }).ToList(),
            Results = Rows,
        };
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ResultsJson.WriteAsync(document, FilePath, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    public void Dispose() => _writing.Dispose();
}
