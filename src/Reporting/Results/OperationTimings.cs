namespace Conformance.Reporting.Results;

/// <summary>
/// Per-operation latencies of one case (each C-STORE, C-FIND response, C-MOVE/C-GET sub-operation or
/// C-ECHO), in milliseconds, with their summary. Percentiles are nearest-rank.
/// </summary>
public sealed record OperationTimings
{
    /// <summary>What one operation is, e.g. "c-store", "c-find-response", "c-move-sub-operation".</summary>
    public string Operation { get; init; } = "";

    public int Count { get; init; }

    public double P50Ms { get; init; }

    public double P95Ms { get; init; }

    public double MaxMs { get; init; }

    /// <summary>Total wall-clock time of the case's exchange (association set-up to release).</summary>
    public double TotalMs { get; init; }

    /// <summary>Every operation's latency in order, for the report's distributions.</summary>
    public IReadOnlyList<double> LatenciesMs { get; init; } = [];
}
