namespace Conformance.Budgets;

/// <summary>How a budget judged one series of operations.</summary>
public enum BudgetVerdictKind
{
    Pass,
    Fail,

    /// <summary>Too few operations to judge; the latencies are still recorded.</summary>
    NoVerdict,
}

/// <summary>
/// A budget's verdict: the kind, the stall it matched (if any), how many operations stalled, and a message
/// that says so ("Nagle/delayed-ACK: 97 of 100 operations 40-48 ms over the reference ...").
/// </summary>
public sealed record BudgetVerdict(BudgetVerdictKind Kind, StallSignature Signature, int Operations, int StalledOperations, string Message, LatencySummary? Latency)
{
    /// <summary>The reference pair's latencies, when the input had them.</summary>
    public LatencySummary? ReferenceLatency { get; init; }

    /// <summary>What the operations were judged against, e.g. "dcmtk-nodelay@bridged p50 2.1 ms" or "link RTT 0.25 ms + 4.2 ms on the wire".</summary>
    public string Reference { get; init; } = "";

    /// <summary>How far each rule was from its limit: what the no-false-alarm record keeps.</summary>
    public BudgetMargins? Margins { get; init; }

    /// <summary>Whose writes waited in the stall-sized wire gaps (Unknown without a capture).</summary>
    public WireSide StallHolder { get; init; }

    /// <summary>The evidence the input named.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];

    /// <summary>
    /// A failure no physics backs: no timer gaps on the wire (or no capture) and no host-lookup set-ups, only
    /// latencies over the reference, which a burst of load on a shared machine can produce. Measure the
    /// exchange and the reference again and decide with <see cref="OperationBudget.Confirm"/>.
    /// </summary>
    public bool NeedsConfirmation { get; init; }

    public bool Failed => Kind == BudgetVerdictKind.Fail;

    public override string ToString() => Message;
}
