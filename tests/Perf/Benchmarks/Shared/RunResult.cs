namespace Conformance.Benchmarks.Shared;

/// <summary>
/// One repetition of one configuration: wall time for the whole transfer, what was moved, and the
/// per-image times seen at the receiver (gaps between consecutive completions), in milliseconds.
/// </summary>
public sealed record RunResult(double Seconds, int Images, long Bytes, IReadOnlyList<double> PerImageMs)
{
    public double MegabytesPerSecond => Bytes / 1e6 / Seconds;

    public double MillisecondsPerImage => Images == 0 ? double.NaN : Seconds * 1000 / Images;

    /// <summary>Gaps between consecutive timestamps, in ms (the first image has no predecessor and is left out).</summary>
    public static IReadOnlyList<double> Gaps(IReadOnlyList<long> stopwatchTicks)
    {
        var gaps = new List<double>(Math.Max(0, stopwatchTicks.Count - 1));
        for (var i = 1; i < stopwatchTicks.Count; i++)
        {
            gaps.Add((stopwatchTicks[i] - stopwatchTicks[i - 1]) * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        }

        return gaps;
    }
}

/// <summary>All repetitions of one configuration.</summary>
public sealed class ConfigurationResult(string id, string title, string group)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    /// <summary>"throughput" (full series), "stall" (default storescp, fewer images).</summary>
    public string Group { get; } = group;

    public List<RunResult> Runs { get; } = [];

    public string? Note { get; set; }

    public Samples Seconds => new(Runs.Select(r => r.Seconds));

    public Samples MegabytesPerSecond => new(Runs.Select(r => r.MegabytesPerSecond));

    public Samples MillisecondsPerImage => new(Runs.Select(r => r.MillisecondsPerImage));

    /// <summary>Per-image gaps pooled over all repetitions.</summary>
    public Samples PerImage => new(Runs.SelectMany(r => r.PerImageMs));
}
