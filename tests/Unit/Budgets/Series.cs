namespace Conformance.Unit.Tests.Budgets;

/// <summary>Synthetic latency series: deterministic jitter around a level, with chosen operations stalled.</summary>
internal static class Series
{
    /// <summary><paramref name="count"/> operations between <paramref name="fromMs"/> and <paramref name="toMs"/>, spread deterministically.</summary>
    public static List<TimeSpan> Between(int count, double fromMs, double toMs, int seed = 1)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => TimeSpan.FromMilliseconds(fromMs + (random.NextDouble() * (toMs - fromMs))))];
    }

    /// <summary>Adds <paramref name="stallMs"/> to every operation whose index satisfies <paramref name="stalled"/>.</summary>
    public static List<TimeSpan> Stall(this List<TimeSpan> series, Func<int, bool> stalled, double stallMs) =>
        [.. series.Select((t, i) => stalled(i) ? t + TimeSpan.FromMilliseconds(stallMs) : t)];

    public static List<TimeSpan> Ms(params double[] milliseconds) => [.. milliseconds.Select(TimeSpan.FromMilliseconds)];
}
