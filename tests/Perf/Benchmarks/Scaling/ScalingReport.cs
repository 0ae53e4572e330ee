using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>Everything one scaling run measured, with the groupings the tables and plots use.</summary>
public sealed class ScalingReport(MachineInfo machine, ScalingOptions options, IReadOnlyList<ScalingMeasurement> measurements) : IBenchmarkReport
{
    public MachineInfo Machine { get; } = machine;

    public ScalingOptions Options { get; } = options;

    public IReadOnlyList<ScalingMeasurement> Measurements { get; } = measurements;

    public DateTime MeasuredUtc { get; init; } = DateTime.UtcNow;

    public string CommandLine { get; set; } = "";

    public TimeSpan Duration { get; set; }

    /// <summary>The sweep's points in increasing order.</summary>
    public IReadOnlyList<long> Points(string sweep) => [.. Measurements.Where(m => m.Sweep == sweep).Select(m => m.X).Distinct().Order()];

    public IReadOnlyList<ScalingMeasurement> Runs(string sweep, string configuration, long x) =>
        [.. Measurements.Where(m => m.Sweep == sweep && m.Configuration == configuration && m.X == x)];

    /// <summary>MB/s over raw TCP's MB/s of the same round.</summary>
    public Samples RatioToRawTcp(string sweep, string configuration, long x)
    {
        var baseline = Runs(sweep, ScalingConfigurations.RawTcp, x).ToDictionary(m => m.Round);
        return new Samples(Runs(sweep, configuration, x)
            .Where(m => baseline.ContainsKey(m.Round))
            .Select(m => m.Transfer.MegabytesPerSecond / baseline[m.Round].Transfer.MegabytesPerSecond));
    }

    public Samples Seconds(string sweep, string configuration, long x) => new(Runs(sweep, configuration, x).Select(m => m.Transfer.Seconds));

    public Samples MegabytesPerSecond(string sweep, string configuration, long x) => new(Runs(sweep, configuration, x).Select(m => m.Transfer.MegabytesPerSecond));

    public Samples MillisecondsPerImage(string sweep, string configuration, long x) => new(Runs(sweep, configuration, x).Select(m => m.Transfer.MillisecondsPerImage));

    /// <summary>Every C-STORE's time at the SCU, pooled over the rounds.</summary>
    public Samples StoreMs(string sweep, string configuration, long x) => new(Runs(sweep, configuration, x).SelectMany(m => m.StoreMs));

    /// <summary>The worst round's figure (peaks are bounds: the largest seen is the one that counts).</summary>
    public double MaxOf(string sweep, string configuration, long x, Func<ScalingMeasurement, SideMemory?> side, Func<SideMemory, long> figure) =>
        Runs(sweep, configuration, x).Select(side).OfType<SideMemory>().Select(m => (double)figure(m)).DefaultIfEmpty(double.NaN).Max();

    /// <summary>Median allocation per image over the rounds.</summary>
    public double AllocatedPerImage(string sweep, string configuration, long x, Func<ScalingMeasurement, SideMemory?> side) =>
        new Samples(Runs(sweep, configuration, x).Where(m => side(m) is not null).Select(m => (double)side(m)!.AllocatedBytes / m.Transfer.Images)).Median;
}
