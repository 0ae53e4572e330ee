using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// One box or bar in a topology's plots: every timed case of one (service, SUT role, peer, operation)
/// for one SUT, latencies pooled across variants. The reference SUT (dcmtk) sits right beside ours.
/// </summary>
public sealed record PlotSeries(string Topology, string Service, string SutRole, string Peer, string Operation, string Sut, IReadOnlyList<double> LatenciesMs, int Operations, double TotalMs)
{
    public string Label => $"{Service} {SutRole} / {Peer}\n{Sut}";

    /// <summary>Operations per second over the cases' exchanges (association set-up to release).</summary>
    public double OperationsPerSecond => TotalMs > 0 ? Operations * 1000.0 / TotalMs : 0;

    public bool IsOurs => Sut == "ours";

    public bool IsReference => Sut == "dcmtk";

    /// <summary>Nearest-rank percentile (the schema's definition) of the pooled latencies.</summary>
    public double Percentile(double p)
    {
        if (LatenciesMs.Count == 0)
        {
            return 0;
        }

        var sorted = LatenciesMs.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Per topology, the series of every timed case; ordered so that a peer's SUTs are neighbours, ours first.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<PlotSeries>> ByTopology(IReadOnlyList<CaseResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return results
            .Where(r => r.Timings is { Count: > 0 })
            .GroupBy(r => r.Topology, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<PlotSeries>)g
                    .GroupBy(r => (r.Service, r.SutRole, r.Peer, r.Timings!.Operation, r.Sut))
                    .Select(s => new PlotSeries(
                        g.Key, s.Key.Service, s.Key.SutRole, s.Key.Peer, s.Key.Operation, s.Key.Sut,
                        [.. s.SelectMany(r => r.Timings!.LatenciesMs)],
                        s.Sum(r => r.Timings!.Count),
                        s.Sum(r => r.Timings!.TotalMs)))
                    .OrderBy(s => s.Service, StringComparer.Ordinal).ThenBy(s => s.SutRole, StringComparer.Ordinal)
                    .ThenBy(s => s.Peer, StringComparer.Ordinal).ThenBy(s => s.Operation, StringComparer.Ordinal)
                    .ThenBy(s => s.IsOurs ? 0 : s.IsReference ? 1 : 2).ThenBy(s => s.Sut, StringComparer.Ordinal)
                    .ToList(),
                StringComparer.Ordinal);
    }
}
