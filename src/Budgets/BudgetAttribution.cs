namespace Conformance.Budgets;

/// <summary>A budget verdict with the fault attributed: the matrix cell's <c>budget.verdict</c>.</summary>
public enum BudgetAttribution
{
    Pass,

    /// <summary>The system under test stalled or was slow: the cell fails.</summary>
    Fail,

    /// <summary>The peer alone stalls (the reference SUT shows the same stall, or the capture shows the peer holding its writes).</summary>
    PeerDefect,

    NoVerdict,
}

/// <summary>What <see cref="OperationBudget.Attribute"/> decided, the verdict it decided on, and why.</summary>
public sealed record AttributedVerdict(BudgetAttribution Outcome, BudgetVerdict Verdict, string Message)
{
    public override string ToString() => Message;
}
