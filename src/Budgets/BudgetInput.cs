namespace Conformance.Budgets;

/// <summary>
/// What a timing budget judges: one case's per-operation latencies, and what they are judged
/// against, all measured in the same run: the reference pair's latencies on the same topology (DCMTK
/// with TCP_NODELAY=1 on both sides), and the topology's own raw-TCP round trip and throughput.
/// </summary>
public sealed record BudgetInput
{
    /// <summary>Every operation's latency, in order (C-STORE, C-FIND response, sub-operation, C-ECHO).</summary>
    public required IReadOnlyList<TimeSpan> Operations { get; init; }

    /// <summary>The reference pair's latencies for the same operations on the same topology; null when not measured.</summary>
    public IReadOnlyList<TimeSpan>? Reference { get; init; }

    /// <summary>The topology's raw TCP round trip, measured at its start.</summary>
    public TimeSpan LinkRoundTrip { get; init; }

    /// <summary>The topology's raw TCP throughput, measured at its start; null when not measured.</summary>
    public double? LinkThroughputMbit { get; init; }

    /// <summary>Bytes each operation puts on the wire (0 when negligible), for the time the link itself needs.</summary>
    public long BytesPerOperation { get; init; }
}
