using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// The matrix at a glance: one row per service and SUT role, one column per topology and peer
/// (tool, version, Debian suite); each cell holds its cases and shows the worst outcome.
/// </summary>
public sealed class MatrixGrid
{
    private readonly Dictionary<(MatrixRow, MatrixColumn), List<(int Index, CaseResult Case)>> _cells = [];

    private MatrixGrid(IReadOnlyList<MatrixRow> rows, IReadOnlyList<MatrixColumn> columns)
    {
        Rows = rows;
        Columns = columns;
    }

    public IReadOnlyList<MatrixRow> Rows { get; }

    /// <summary>Ordered by topology, then peer; consecutive columns of one topology form a group.</summary>
    public IReadOnlyList<MatrixColumn> Columns { get; }

    public static MatrixGrid Of(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var rows = results.Select(MatrixRow.Of).Distinct().OrderBy(r => ServiceOrder(r.Service)).ThenBy(r => r.SutRole, StringComparer.Ordinal).ToList();
        var columns = results.Select(MatrixColumn.Of).Distinct()
            .OrderBy(c => c.Topology, StringComparer.Ordinal).ThenBy(c => c.Peer, StringComparer.Ordinal)
            .ThenBy(c => c.PeerVersion, StringComparer.Ordinal).ThenBy(c => c.DebianSuite, StringComparer.Ordinal).ToList();
        var grid = new MatrixGrid(rows, columns);
        for (var i = 0; i < results.Count; i++)
        {
            var key = (MatrixRow.Of(results[i]), MatrixColumn.Of(results[i]));
            if (!grid._cells.TryGetValue(key, out var list))
            {
                grid._cells[key] = list = [];
            }

            list.Add((i, results[i]));
        }

        return grid;
    }

    /// <summary>The cases of one cell with their index in the document (the report's anchors use it); empty when none ran there.</summary>
    public IReadOnlyList<(int Index, CaseResult Case)> Cell(MatrixRow row, MatrixColumn column) =>
        _cells.TryGetValue((row, column), out var list) ? list : [];

    private static int ServiceOrder(string service) => Array.IndexOf(["echo", "store", "find", "move", "get", "negotiation", "fault"], service) is var i and >= 0 ? i : 99;
}
