namespace Conformance.Budgets;

/// <summary>How a budget judged one series of operations.</summary>
public enum BudgetVerdictKind
{
    Pass,
    Fail,

    /// <summary>Too few operations to judge; the latencies are still recorded.</summary>
    NoVerdict,
}

/// <summary>A budget's verdict: the kind, the stall it matched (if any), how many operations stalled, and a message that says so.</summary>
public sealed record BudgetVerdict(BudgetVerdictKind Kind, StallSignature Signature, int Operations, int StalledOperations, string Message, LatencySummary? Latency)
{
    public override string ToString() => Message;
}
