using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Everything one run measured, plus the derived ratios the report quotes.</summary>
public sealed class ThroughputReport(
    MachineInfo machine, ThroughputOptions options, long datasetLength,
    IReadOnlyList<ConfigurationResult> transfers, IReadOnlyList<LatencySeries> latency) : IBenchmarkReport
{
    public const string Baseline = "raw-tcp";

    public MachineInfo Machine { get; } = machine;

    public ThroughputOptions Options { get; } = options;

    public long DatasetLength { get; } = datasetLength;

    public DateTime MeasuredUtc { get; init; } = DateTime.UtcNow;

    public string CommandLine { get; set; } = "";

    public IReadOnlyList<ConfigurationResult> Transfers { get; } = transfers;

    public IReadOnlyList<LatencySeries> Latency { get; } = latency;

    public ConfigurationResult Transfer(string id) => Transfers.First(t => t.Id == id);

    public LatencySeries LatencyOf(string id) => Latency.First(l => l.Id == id);

    /// <summary>Throughput of <paramref name="id"/> over the baseline's, round by round (same round = same conditions).</summary>
    public Samples RatioToBaseline(string id) => PerRound(id, Baseline, (c, b) => c.MegabytesPerSecond / b.MegabytesPerSecond);

    /// <summary>Wall time of <paramref name="id"/> over <paramref name="reference"/>'s, round by round (&lt; 1 = faster).</summary>
    public Samples TimeRatio(string id, string reference) => PerRound(id, reference, (c, r) => c.Seconds / r.Seconds);

    private Samples PerRound(string id, string reference, Func<RunResult, RunResult, double> ratio)
    {
        var runs = Transfer(id).Runs;
        var references = Transfer(reference).Runs;
        return new Samples(runs.Zip(references, ratio));
    }
}
