namespace Conformance.Budgets;

/// <summary>
/// What a timing budget judges: one case's per-operation latencies, and what they are judged
/// against, all measured in the same run: the reference pair's latencies on the same topology (DCMTK
/// with TCP_NODELAY=1 on both sides), and the topology's own raw-TCP round trip and throughput.
/// Rule and thresholds: docs/budgets.md.
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

    /// <summary>Each association's set-up (A-ASSOCIATE-RQ to -AC, or connect to -AC); null when not measured.</summary>
    public IReadOnlyList<TimeSpan>? AssociationSetups { get; init; }

    /// <summary>The reference pair's association set-ups on the same topology; null when not measured.</summary>
    public IReadOnlyList<TimeSpan>? ReferenceAssociationSetups { get; init; }

    /// <summary>Idle gaps on the wire (from a capture), each with the side whose write a TCP timer held (Unknown: no timer); null when not captured.</summary>
    public IReadOnlyList<WireGap>? Gaps { get; init; }

    /// <summary>The reference pair's wire gaps, for the share of timer gaps this machine shows without a stall; null when not captured.</summary>
    public IReadOnlyList<WireGap>? ReferenceGaps { get; init; }

    /// <summary>What the reference is, for messages (e.g. "dcmtk-nodelay@bridged").</summary>
    public string? ReferenceLabel { get; init; }

    /// <summary>What one operation is, for messages (e.g. "C-STORE", "sub-operation"); "operations" when unset.</summary>
    public string? OperationName { get; init; }

    /// <summary>Files that show what happened (peer logs, packet captures); a failed verdict names them.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
