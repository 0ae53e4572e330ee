namespace Conformance.Budgets.Rules;

/// <summary>
/// The tail rule: count the operations over the stall line (expected + <see cref="BudgetThresholds.StallMargin"/>),
/// take away as many as the reference's own share over the same line predicts (noise of this machine in this
/// run), and fail from <see cref="BudgetThresholds.StalledShare"/> of the operations. The median decides
/// nothing: a stall on one image in three leaves the median healthy and fails here.
/// </summary>
internal sealed record TailRule(int Stalled, int ReferenceStalled, int ReferenceCount, int OverReference, int Limit, IReadOnlyList<TimeSpan> Excesses)
{
    public bool Fails => OverReference >= Limit;

    public static TailRule Apply(IReadOnlyList<TimeSpan> operations, IReadOnlyList<TimeSpan>? reference, Baseline baseline)
    {
        var line = baseline.StallLine;
        var excesses = operations.Where(o => o > line).Select(o => o - baseline.Expected).Order().ToList();
        var referenceCount = reference?.Count ?? 0;
        var referenceStalled = reference?.Count(r => r > line) ?? 0;
        var share = referenceCount == 0 ? 0 : (double)referenceStalled / referenceCount;
        var over = excesses.Count - (int)Math.Round(share * operations.Count);
        var limit = Math.Max(BudgetThresholds.MinimumStalled, (int)Math.Ceiling(BudgetThresholds.StalledShare * operations.Count));
        return new TailRule(excesses.Count, referenceStalled, referenceCount, over, limit, excesses);
    }

    /// <summary>"40-48": the 10th to 90th percentile of the stalled operations' excess, in whole ms.</summary>
    public string ExcessRange()
    {
        var low = Percentile.NearestRank(Excesses, 0.10).TotalMilliseconds;
        var high = Percentile.NearestRank(Excesses, 0.90).TotalMilliseconds;
        return Math.Round(low) == Math.Round(high)
            ? FormattableString.Invariant($"{low:F0}")
            : FormattableString.Invariant($"{low:F0}-{high:F0}");
    }
}
