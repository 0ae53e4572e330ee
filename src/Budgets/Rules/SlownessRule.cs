namespace Conformance.Budgets.Rules;

/// <summary>
/// Plain slowness: the series' total against the reference's mean for as many operations. It fails only
/// when both the ratio (<see cref="BudgetThresholds.SlownessRatio"/>) and the mean excess per operation
/// (<see cref="BudgetThresholds.SlownessExcessPerOperation"/>) are reached, so an implementation 1.5x
/// slower than DCMTK is a benchmark finding, not a stall, while 15 ms added to every 2 ms image is caught.
/// </summary>
internal sealed record SlownessRule(TimeSpan Total, TimeSpan ReferenceTotal, double Ratio, TimeSpan ExcessPerOperation)
{
    public bool Fails => Ratio >= BudgetThresholds.SlownessRatio && ExcessPerOperation >= BudgetThresholds.SlownessExcessPerOperation;

    public static SlownessRule Apply(IReadOnlyList<TimeSpan> operations, Baseline baseline)
    {
        var total = new TimeSpan(operations.Sum(o => o.Ticks));
        var referenceTotal = baseline.ReferenceMean * operations.Count;
        var ratio = referenceTotal > TimeSpan.Zero ? total / referenceTotal : double.PositiveInfinity;
        return new SlownessRule(total, referenceTotal, ratio, (total - referenceTotal) / operations.Count);
    }
}
