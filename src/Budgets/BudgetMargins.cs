namespace Conformance.Budgets;

/// <summary>
/// Each rule's measured figure beside its limit, so a passing run shows how close it came (the
/// no-false-alarm record in docs/budgets.md keeps these).
/// </summary>
/// <param name="StalledOverReference">Operations over the stall line, minus what the reference's own share predicts.</param>
/// <param name="StalledLimit">From this many on, the tail rule fails.</param>
/// <param name="TotalRatio">The series' total over the reference's total for as many operations.</param>
/// <param name="ExcessPerOperationMs">The series' mean excess over the reference, per operation.</param>
/// <param name="SlowSetups">Association set-ups over the host-lookup line.</param>
/// <param name="SlowSetupLimit">From this many on, the set-up rule fails (0: set-ups not measured).</param>
public sealed record BudgetMargins(int StalledOverReference, int StalledLimit, double TotalRatio, double ExcessPerOperationMs, int SlowSetups, int SlowSetupLimit)
{
    /// <summary>Timer gaps on the wire beyond the reference's share; 0 without a capture.</summary>
    public int TimerGapsOverReference { get; init; }

    /// <summary>From this many timer gaps on, the timer rule fails.</summary>
    public int TimerGapsLimit { get; init; }

    public override string ToString() => FormattableString.Invariant(
        $"stalled {StalledOverReference} (limit {StalledLimit}), timer gaps {TimerGapsOverReference} (limit {TimerGapsLimit}), total {TotalRatio:F2}x (limit {BudgetThresholds.SlownessRatio:F0}x with +{ExcessPerOperationMs:F1} of {BudgetThresholds.SlownessExcessPerOperation.TotalMilliseconds:F0} ms/op), slow set-ups {SlowSetups} (limit {SlowSetupLimit})");
}
