using System.Globalization;
using System.Text;

namespace Conformance.Benchmarks.Throughput;

/// <summary>The tables of docs/benchmarks.md, as the runner measured them.</summary>
public static class ThroughputMarkdown
{
    public static string Render(ThroughputReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var m = report.Machine;
        var text = new StringBuilder();
        Line(text, $"Measured {report.MeasuredUtc:yyyy-MM-dd HH:mm} UTC on {m.Cores} x {m.Cpu}, {m.Os}, kernel {m.Kernel}, {m.Dotnet}, DCMTK `{m.Dcmtk}`; load average {m.LoadAverageStart} at start, {m.LoadAverageEnd} at end.");
        Line(text, $"Command: `{report.CommandLine}`. One CT data set = {report.DatasetLength} bytes (explicit VR LE).");
        Line(text);
        Line(text, $"### Throughput: {o.Images} CT images per transfer, {o.Repeats} rounds");
        Line(text);
        Line(text, "Median over rounds, (min-max) in brackets. Ratio = this configuration's MB/s over raw TCP's in the same round. Per-image p50/p95/max: gaps between consecutive images completing at the receiver, pooled over all rounds.");
        Line(text);
        Line(text, "| configuration | seconds | MB/s | ratio to raw TCP | ms/image (mean) | per-image p50 / p95 / max (ms) |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var c in report.Transfers.Where(t => t.Group == "throughput"))
        {
            var ratio = c.Id == ThroughputReport.Baseline ? "1 (baseline)" : Spread(report.RatioToBaseline(c.Id), "F3");
            var perImage = c.PerImage.Count == 0 ? "-" : $"{F(c.PerImage.Median)} / {F(c.PerImage.Percentile(95))} / {F(c.PerImage.Max)}";
            Line(text, $"| {c.Title} | {Spread(c.Seconds, "F2")} | {Spread(c.MegabytesPerSecond, "F0")} | {ratio} | {F(c.MillisecondsPerImage.Median)} | {perImage} |");
        }

        Line(text);
        Line(text, "Head to head (wall time ratio, round by round; below 1 = the first is faster):");
        Line(text);
        Line(text, "| comparison | time ratio |");
        Line(text, "|---|---|");
        Line(text, $"| our SCU -> storescp vs storescu -> storescp (both TCP_NODELAY=1) | {Spread(report.TimeRatio("ours-storescp", "storescu-storescp"), "F2")} |");
        Line(text, $"| storescu -> our SCP (disk) vs storescu -> storescp -od | {Spread(report.TimeRatio("storescu-ourscp", "storescu-storescp"), "F2")} |");
        Line(text, $"| storescu -> our SCP (discard) vs storescu -> storescp --ignore (receiving only) | {Spread(report.TimeRatio("storescu-ourscp-discard", "storescu-storescp-ignore"), "F2")} |");
        Line(text, $"| our SCU -> our SCP (discard) vs storescu -> storescp | {Spread(report.TimeRatio("ours-ours-discard", "storescu-storescp"), "F2")} |");
        Line(text, $"| our SCU from DicomDataset (encoded per send) vs from pre-encoded bytes, both -> our SCP (discard) | {Spread(report.TimeRatio("ours-dataset-discard", "ours-ours-discard"), "F2")} |");
        Line(text);
        Line(text, $"### Against a storescp with DCMTK's defaults (Nagle on): {o.StallImages} images per transfer, {o.StallRepeats} rounds");
        Line(text);
        Line(text, "| configuration | seconds | ms/image (mean) | per-image p50 / p95 / max (ms) | ratio to our SCU (normal mode) |");
        Line(text, "|---|---|---|---|---|");
        foreach (var c in report.Transfers.Where(t => t.Group == "stall"))
        {
            var ratio = c.Id == "stall-ours-default-storescp" ? "1" : Spread(report.TimeRatio(c.Id, "stall-ours-default-storescp"), "F1");
            Line(text, $"| {c.Title} | {Spread(c.Seconds, "F2")} | {F(c.MillisecondsPerImage.Median)} | {F(c.PerImage.Median)} / {F(c.PerImage.Percentile(95))} / {F(c.PerImage.Max)} | {ratio} |");
        }

        Line(text);
        Line(text, "### C-ECHO and association set-up");
        Line(text);
        Line(text, "| measurement | n | p50 (ms) | p99 (ms) | min - max (ms) | method |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var l in report.Latency)
        {
            var s = l.Samples;
            Line(text, $"| {l.Title} | {s.Count} | {F(s.Median)} | {F(s.Percentile(99))} | {F(s.Min)} - {F(s.Max)} | {l.Method} |");
        }

        return text.ToString();
    }

    public static string Spread(Samples s, string format) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}-{s.Max.ToString(format, CultureInfo.InvariantCulture)})");

    /// <summary>Milliseconds with enough digits for sub-millisecond values.</summary>
    public static string F(double value) =>
        value.ToString(Math.Abs(value) < 10 ? "F3" : Math.Abs(value) < 100 ? "F2" : "F1", CultureInfo.InvariantCulture);

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
