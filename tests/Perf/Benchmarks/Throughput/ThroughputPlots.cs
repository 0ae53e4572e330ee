using ScottPlot;
using ScottPlot.TickGenerators;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>PNGs for docs/benchmarks.md: throughput ratios, per-image latency (p50/p95/max, log scale), and per-image time series against a default storescp.</summary>
public static class ThroughputPlots
{
    private const double LogFloor = -2; // 0.01 ms: where the log-scale bars start

    public static void Write(ThroughputReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        RatioChart(report).SavePng(Path.Combine(directory, "throughput-ratio.png"), 1200, 500);
        LatencyChart(report).SavePng(Path.Combine(directory, "per-image-latency.png"), 1200, 680);
        StallTimeline(report).SavePng(Path.Combine(directory, "stall-timeline.png"), 1000, 480);
    }

    private static Plot RatioChart(ThroughputReport report)
    {
        var configurations = report.Transfers.Where(t => t.Group == "throughput").Reverse().ToList();
        var plot = new Plot();
        var bars = configurations.Select((c, i) =>
        {
            var ratio = report.RatioToBaseline(c.Id);
            return new Bar
            {
                Position = i,
                Value = ratio.Median,
                FillColor = c.Id == ThroughputReport.Baseline ? Colors.Gray : c.Id.StartsWith("ours", StringComparison.Ordinal) ? Colors.SteelBlue : c.Id.Contains("ourscp", StringComparison.Ordinal) ? Colors.SeaGreen : Colors.DarkOrange,
                Label = ratio.Median.ToString("F2", System.Globalization.CultureInfo.InvariantCulture),
            };
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 13;
        for (var i = 0; i < configurations.Count; i++)
        {
            // The spread over rounds as a min-max whisker (a symmetric error bar would suggest negative ratios).
            var ratio = report.RatioToBaseline(configurations[i].Id);
            var whisker = plot.Add.Line(ratio.Min, i - 0.3, ratio.Max, i - 0.3);
            whisker.LineWidth = 1.5f;
            whisker.Color = Colors.Black;
        }

        plot.Axes.Left.TickGenerator = new NumericManual([.. configurations.Select((_, i) => (double)i)], [.. configurations.Select(c => c.Title)]);
        plot.Axes.Margins(left: 0, right: 0.15);
        plot.Title($"Throughput relative to raw TCP, {report.Options.Images} CT images per transfer");
        plot.XLabel($"MB/s over raw TCP MB/s, same round (bar: median of {report.Options.Repeats}; line: min-max)");
        return plot;
    }

    private static Plot LatencyChart(ThroughputReport report)
    {
        var configurations = report.Transfers.Where(t => t.PerImage.Count > 0).Reverse().ToList();
        var plot = new Plot();
        (string Name, Func<Samples, double> Value, Color Color, double Offset)[] statistics =
        [
            ("p50", s => s.Median, Colors.SteelBlue, 0.25),
            ("p95", s => s.Percentile(95), Colors.DarkOrange, 0),
            ("max", s => s.Max, Colors.FireBrick, -0.25),
        ];
        foreach (var (name, value, color, offset) in statistics)
        {
            var bars = configurations.Select((c, i) => new Bar
            {
                Position = i + offset,
                Value = Math.Log10(Math.Max(value(c.PerImage), 0.01)),
                ValueBase = LogFloor,
                Size = 0.24,
                FillColor = color,
            }).ToList();
            var barPlot = plot.Add.Bars(bars);
            barPlot.Horizontal = true;
            barPlot.LegendText = name;
        }

        plot.Axes.Left.TickGenerator = new NumericManual([.. configurations.Select((_, i) => (double)i)], [.. configurations.Select(c => c.Title)]);
        plot.Axes.Bottom.TickGenerator = LogTicks();
        plot.Axes.SetLimitsX(LogFloor, 3);
        plot.ShowLegend(Alignment.LowerRight);
        plot.Title("Per-image time at the receiver, all rounds");
        plot.XLabel("ms between consecutive images at the receiver (log scale)");
        return plot;
    }

    private static Plot StallTimeline(ThroughputReport report)
    {
        var plot = new Plot();
        Color[] colors = [Colors.SteelBlue, Colors.DarkOrange, Colors.FireBrick];
        var stall = report.Transfers.Where(t => t.Group == "stall").ToList();
        for (var i = 0; i < stall.Count; i++)
        {
            var gaps = stall[i].Runs.FirstOrDefault()?.PerImageMs ?? [];
            double[] xs = [.. Enumerable.Range(2, gaps.Count).Select(n => (double)n)];
            double[] ys = [.. gaps.Select(g => Math.Log10(Math.Max(g, 0.01)))];
            var scatter = plot.Add.Scatter(xs, ys, colors[i % colors.Length]);
            scatter.LegendText = stall[i].Title;
            scatter.MarkerSize = 4;
            scatter.LineWidth = 1;
        }

        plot.Axes.Left.TickGenerator = LogTicks();
        plot.Axes.SetLimitsY(-1, 2.5);
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Title("Per-image time against a default storescp (first round; log scale)");
        plot.XLabel("image number");
        plot.YLabel("ms since the previous image");
        return plot;
    }

    /// <summary>Ticks for an axis that carries log10 of the values (labels are the values themselves).</summary>
    public static NumericAutomatic LogTicks() => new()
    {
        MinorTickGenerator = new LogMinorTickGenerator(),
        IntegerTicksOnly = true,
        LabelFormatter = v => Math.Pow(10, v).ToString(v < 0 ? "0.##" : "0", System.Globalization.CultureInfo.InvariantCulture),
    };
}
