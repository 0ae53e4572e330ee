namespace Conformance.Reporting.Results;

/// <summary>
/// The timing budget of one case as recorded in its results row: the verdict, the stall signature when
/// one was found (e.g. "nagle-delayed-ack"), a message that counts the stalled operations against the
/// reference, and the reference it was judged against.
/// </summary>
public sealed record BudgetResult
{
    public BudgetOutcome Verdict { get; init; } = BudgetOutcome.NotMeasured;

    /// <summary>Null when nothing stalled; otherwise a signature name from docs/budgets.md.</summary>
    public string? Signature { get; init; }

    public string Message { get; init; } = "";

    /// <summary>Operations timed.</summary>
    public int Operations { get; init; }

    /// <summary>Operations whose latency exceeded the reference by a stall-sized margin.</summary>
    public int StalledOperations { get; init; }

    /// <summary>What the case was judged against, e.g. "dcmtk-nodelay@bridged p50 2.1 ms" or "link RTT 0.05 ms".</summary>
    public string? Reference { get; init; }

    public static BudgetResult NotMeasured { get; } = new();
}
