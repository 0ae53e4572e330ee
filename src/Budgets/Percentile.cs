namespace Conformance.Budgets;

/// <summary>
/// The suite's one percentile definition, used by budgets, reports, the CLI and the benchmarks: nearest
/// rank: the p-th percentile of n sorted samples is the sample at rank ceil(p * n),
/// so it is always a value that was measured, and p50 of 100 samples is the 50th.
/// </summary>
public static class Percentile
{
    /// <summary>The nearest-rank percentile of an ascending series; <paramref name="fraction"/> in [0, 1].</summary>
    public static T NearestRank<T>(IReadOnlyList<T> sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A percentile needs at least one sample.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(fraction, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fraction, 1.0);
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Sorts a copy, then <see cref="NearestRank{T}"/>.</summary>
    public static T Of<T>(IEnumerable<T> samples, double fraction) => NearestRank(samples.Order().ToArray(), fraction);
}
