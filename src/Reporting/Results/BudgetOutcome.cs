namespace Conformance.Reporting.Results;

/// <summary>The timing budget's verdict on one case (docs/budgets.md).</summary>
public enum BudgetOutcome
{
    /// <summary>Enough operations were timed and none stalled beyond the reference.</summary>
    Pass,

    /// <summary>Our side stalled or was slow against the reference: the case fails.</summary>
    Fail,

    /// <summary>The peer alone stalls (the reference pair shows the same stall): recorded, not a failure of ours.</summary>
    PeerDefect,

    /// <summary>Too few operations for a verdict; latencies are recorded.</summary>
    NoVerdict,

    /// <summary>The case is not timed (e.g. negotiation and fault cases).</summary>
    NotMeasured,
}
