using Conformance.Benchmarks.Shared;
using static Conformance.Benchmarks.Shared.MarkdownText;

namespace Conformance.Benchmarks.Throughput;

/// <summary>The tables of docs/benchmarks.md, as the runner measured them.</summary>
public static class ThroughputMarkdown
{
    public static string Render(ThroughputReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var text = new MarkdownText()
            .Measured(report, $", DCMTK `{report.Machine.Dcmtk}`")
            .Command(report, $" One CT data set = {report.DatasetLength} bytes (explicit VR LE).")
            .Heading($"Throughput: {o.Images} CT images per transfer, {o.Repeats} rounds")
            .Line("Median over rounds, (min-max) in brackets. Ratio = this configuration's MB/s over raw TCP's in the same round. Per-image p50/p95/max: gaps between consecutive images completing at the receiver, pooled over all rounds.")
            .Line()
            .Table("configuration", "seconds", "MB/s", "ratio to raw TCP", "ms/image (mean)", "per-image p50 / p95 / max (ms)");
        foreach (var c in report.Transfers.Where(t => t.Group == "throughput"))
        {
            var ratio = c.Id == ThroughputReport.Baseline ? "1 (baseline)" : Spread(report.RatioToBaseline(c.Id), "F3");
            var perImage = c.PerImage.Count == 0 ? "-" : PerImage(c);
            text.Row(c.Title, Spread(c.Seconds, "F2"), Spread(c.MegabytesPerSecond, "F0"), ratio, Milliseconds(c.MillisecondsPerImage.Median), perImage);
        }

        text.Line()
            .Line("Head to head (wall time ratio, round by round; below 1 = the first is faster):")
            .Line()
            .Table("comparison", "time ratio")
            .Row("our SCU -> storescp vs storescu -> storescp (both TCP_NODELAY=1)", Spread(report.TimeRatio("ours-storescp", "storescu-storescp"), "F2"))
            .Row("storescu -> our SCP (disk) vs storescu -> storescp -od", Spread(report.TimeRatio("storescu-ourscp", "storescu-storescp"), "F2"))
            .Row("storescu -> our SCP (discard) vs storescu -> storescp --ignore (receiving only)", Spread(report.TimeRatio("storescu-ourscp-discard", "storescu-storescp-ignore"), "F2"))
            .Row("our SCU -> our SCP (discard) vs storescu -> storescp", Spread(report.TimeRatio("ours-ours-discard", "storescu-storescp"), "F2"))
            .Row("our SCU from DicomDataset (encoded per send) vs from pre-encoded bytes, both -> our SCP (discard)", Spread(report.TimeRatio("ours-dataset-discard", "ours-ours-discard"), "F2"))
            .Heading($"Against a storescp with DCMTK's defaults (Nagle on): {o.StallImages} images per transfer, {o.StallRepeats} rounds")
            .Table("configuration", "seconds", "ms/image (mean)", "per-image p50 / p95 / max (ms)", "ratio to our SCU (normal mode)");
        foreach (var c in report.Transfers.Where(t => t.Group == "stall"))
        {
            var ratio = c.Id == "stall-ours-default-storescp" ? "1" : Spread(report.TimeRatio(c.Id, "stall-ours-default-storescp"), "F1");
            text.Row(c.Title, Spread(c.Seconds, "F2"), Milliseconds(c.MillisecondsPerImage.Median), PerImage(c), ratio);
        }

        text.Heading("C-ECHO and association set-up")
            .Table("measurement", "n", "p50 (ms)", "p99 (ms)", "min - max (ms)", "method");
        foreach (var l in report.Latency)
        {
            var s = l.Samples;
            text.Row(l.Title, $"{s.Count}", Milliseconds(s.Median), Milliseconds(s.Percentile(99)), $"{Milliseconds(s.Min)} - {Milliseconds(s.Max)}", l.Method);
        }

        return text.ToString();
    }

    private static string PerImage(ConfigurationResult c) =>
        $"{Milliseconds(c.PerImage.Median)} / {Milliseconds(c.PerImage.Percentile(95))} / {Milliseconds(c.PerImage.Max)}";
}
