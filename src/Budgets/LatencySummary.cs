namespace Conformance.Budgets;

/// <summary>Median, 95th percentile, maximum and total of a series of per-operation times (nearest-rank percentiles, <see cref="Percentile"/>).</summary>
public sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    /// <summary>The sum of the series: what the operations cost together.</summary>
    public TimeSpan Total { get; init; }

    public static LatencySummary From(IEnumerable<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A latency summary needs at least one sample.", nameof(samples));
        }

        return new LatencySummary(sorted.Length, Percentile.NearestRank(sorted, 0.50), Percentile.NearestRank(sorted, 0.95), sorted[^1])
        {
            Total = new TimeSpan(sorted.Sum(s => s.Ticks)),
        };
    }

    public override string ToString() =>
        FormattableString.Invariant($"n={Count} p50={P50.TotalMilliseconds:F1} ms p95={P95.TotalMilliseconds:F1} ms max={Max.TotalMilliseconds:F1} ms total={Total.TotalMilliseconds:F0} ms");
}
