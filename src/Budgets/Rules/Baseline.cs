namespace Conformance.Budgets.Rules;

/// <summary>
/// What one operation is expected to take in this run: the reference pair's median on the same topology,
/// and never less than the link itself needs (its round trip plus the bytes at its measured throughput:
/// 525 KB on 100 Mbit/s is about 42 ms, so a slow link raises the line instead of raising an alarm).
/// </summary>
internal sealed record Baseline(TimeSpan Expected, TimeSpan ReferenceMean, LatencySummary? Reference, string Description)
{
    public TimeSpan StallLine => Expected + BudgetThresholds.StallMargin;

    public static Baseline From(BudgetInput input)
    {
        var wire = input.LinkThroughputMbit is > 0 and var mbit && input.BytesPerOperation > 0
            ? TimeSpan.FromSeconds(input.BytesPerOperation * 8.0 / (mbit * 1e6))
            : TimeSpan.Zero;
        var link = input.LinkRoundTrip + wire;
        var linkText = FormattableString.Invariant($"link RTT {input.LinkRoundTrip.TotalMilliseconds:F2} ms + {wire.TotalMilliseconds:F1} ms on the wire");
        if (input.Reference is not { Count: > 0 } reference)
        {
            return new Baseline(link, link, null, linkText);
        }

        var summary = LatencySummary.From(reference);
        var label = input.ReferenceLabel ?? "reference";
        var mean = summary.Total / summary.Count;
        var description = FormattableString.Invariant($"{label} p50 {summary.P50.TotalMilliseconds:F1} ms (n={summary.Count})");
        return summary.P50 >= link
            ? new Baseline(summary.P50, mean, summary, description)
            : new Baseline(link, Max(mean, link), summary, $"{description}; raised to the {linkText}");
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
