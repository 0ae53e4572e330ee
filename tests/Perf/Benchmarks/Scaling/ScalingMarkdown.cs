using Conformance.Benchmarks.Shared;
using static Conformance.Benchmarks.Scaling.ScalingConfigurations;
using static Conformance.Benchmarks.Shared.MarkdownText;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The tables of docs/benchmarks.md's scaling section, as the runner measured them.</summary>
public static class ScalingMarkdown
{
    public static string Render(ScalingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var text = new MarkdownText()
            .Measured(report, "", $"; {report.Duration.TotalMinutes:F1} min")
            .Command(report)
            .Line()
            .Line("Median over rounds, (min-max) in brackets. Ratio = MB/s over raw TCP's MB/s in the same round. C-STORE p50/p95: each C-STORE at our SCU (request handed to the association -> response), pooled over rounds. "
                + "Memory: the largest over rounds; peak RSS = VmHWM of the process, reset just before the timed transfer (the SCP is its own process; the SCU is the runner's), with its rise over the RSS at that moment in brackets; heap = sampled peak of the managed heap; allocated = GC allocations in the timed transfer per object.")
            .Heading($"Image count: {ScalingLabels.Size(o.CountImageBytes)} CT images (64x64x16) on one association, {o.Rounds} rounds")
            .Table("images", "configuration", "total s", "ms/image", "ratio to raw TCP", "C-STORE p50 / p95 (ms)", "SCP peak RSS (MB)", "SCP heap peak (MB)", "SCP alloc/image (kB)", "SCU peak RSS (MB)", "SCU alloc/image (kB)");
        Rows(report, ScalingSweeps.Count, text, (c, x) =>
        [
            Spread(report.Seconds(ScalingSweeps.Count, c, x), "F3"), Milliseconds(report.MillisecondsPerImage(ScalingSweeps.Count, c, x).Median), Ratio(report, ScalingSweeps.Count, c, x), Store(report, ScalingSweeps.Count, c, x),
            Rss(report, ScalingSweeps.Count, c, x, r => r.Scp), Memory(report, ScalingSweeps.Count, c, x, r => r.Scp, s => s.PeakHeapBytes), Allocated(report, ScalingSweeps.Count, c, x, r => r.Scp),
            Rss(report, ScalingSweeps.Count, c, x, r => r.Scu), Allocated(report, ScalingSweeps.Count, c, x, r => r.Scu),
        ]);
        text.Heading($"Object size: pixel data of 10 kB to {ScalingLabels.Size(o.MaxSize)}, up to 10 objects and 300 MB per point, one association, {o.Rounds} rounds ({o.LargeRounds} from 1 GB)")
            .Table("object", "objects", "configuration", "total s", "MB/s", "ratio to raw TCP", "SCP peak RSS (MB)", "SCP heap peak (MB)", "SCU peak RSS (MB)", "SCU heap peak (MB)");
        Rows(report, ScalingSweeps.Size, text, (c, x) =>
        [
            $"{ScalingOptions.ObjectsOfSize(x)}", Spread(report.Seconds(ScalingSweeps.Size, c, x), "F3"), Spread(report.MegabytesPerSecond(ScalingSweeps.Size, c, x), "F0"), Ratio(report, ScalingSweeps.Size, c, x),
            Rss(report, ScalingSweeps.Size, c, x, r => r.Scp), Memory(report, ScalingSweeps.Size, c, x, r => r.Scp, s => s.PeakHeapBytes),
            Rss(report, ScalingSweeps.Size, c, x, r => r.Scu), Memory(report, ScalingSweeps.Size, c, x, r => r.Scu, s => s.PeakHeapBytes),
        ]);
        text.Heading($"Concurrency: {o.ConcurrencyImages} CT images ({ScalingLabels.Size(o.ConcurrencyImageBytes)}, 512x512x16) split evenly over N concurrent associations to one SCP, {o.Rounds} rounds")
            .Table("associations", "configuration", "total s", "MB/s (aggregate)", "images/s", "ratio to raw TCP", "C-STORE p50 / p95 (ms)", "SCP peak RSS (MB)", "SCP heap peak (MB)", "SCU peak RSS (MB)");
        Rows(report, ScalingSweeps.Concurrency, text, (c, x) =>
        [
            Spread(report.Seconds(ScalingSweeps.Concurrency, c, x), "F3"), Spread(report.MegabytesPerSecond(ScalingSweeps.Concurrency, c, x), "F0"),
            $"{1000 / report.MillisecondsPerImage(ScalingSweeps.Concurrency, c, x).Median:F0}", Ratio(report, ScalingSweeps.Concurrency, c, x), Store(report, ScalingSweeps.Concurrency, c, x),
            Rss(report, ScalingSweeps.Concurrency, c, x, r => r.Scp), Memory(report, ScalingSweeps.Concurrency, c, x, r => r.Scp, s => s.PeakHeapBytes),
            Rss(report, ScalingSweeps.Concurrency, c, x, r => r.Scu),
        ]);
        return text.ToString();
    }

    private static void Rows(ScalingReport report, string sweep, MarkdownText text, Func<string, long, string[]> cells)
    {
        foreach (var x in report.Points(sweep))
        {
            foreach (var c in All.Where(c => report.Runs(sweep, c, x).Count > 0))
            {
                text.Row([ScalingLabels.Point(sweep, x), Title(c), .. cells(c, x)]);
            }
        }
    }

    private static string Ratio(ScalingReport report, string sweep, string c, long x) =>
        c == RawTcp ? "1" : Spread(report.RatioToRawTcp(sweep, c, x), "F2");

    private static string Store(ScalingReport report, string sweep, string c, long x)
    {
        var s = report.StoreMs(sweep, c, x);
        return s.Count == 0 ? "-" : $"{Milliseconds(s.Median)} / {Milliseconds(s.Percentile(95))}";
    }

    private static string Memory(ScalingReport report, string sweep, string c, long x, Func<ScalingMeasurement, SideMemory?> side, Func<SideMemory, long> figure) =>
        ScalingLabels.Megabytes(report.MaxOf(sweep, c, x, side, figure));

    /// <summary>Peak RSS with its rise over the RSS when the transfer began: "129 (+2)".</summary>
    private static string Rss(ScalingReport report, string sweep, string c, long x, Func<ScalingMeasurement, SideMemory?> side) =>
        c == RawTcp
            ? "-"
            : $"{Memory(report, sweep, c, x, side, s => s.PeakResidentBytes)} (+{Memory(report, sweep, c, x, side, s => s.ResidentRiseBytes)})";

    private static string Allocated(ScalingReport report, string sweep, string c, long x, Func<ScalingMeasurement, SideMemory?> side) =>
        ScalingLabels.Kilobytes(report.AllocatedPerImage(sweep, c, x, side));
}
