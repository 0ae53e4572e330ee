namespace Conformance.Budgets;

/// <summary>Median, 95th percentile and maximum of a series of per-message times (nearest-rank percentiles).</summary>
public sealed record LatencySummary(int Count, TimeSpan P50, TimeSpan P95, TimeSpan Max)
{
    public static LatencySummary From(IEnumerable<TimeSpan> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("A latency summary needs at least one sample.", nameof(samples));
        }

        return new LatencySummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    public override string ToString() =>
        FormattableString.Invariant($"n={Count} p50={P50.TotalMilliseconds:F1} ms p95={P95.TotalMilliseconds:F1} ms max={Max.TotalMilliseconds:F1} ms");

    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction)
    {
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
