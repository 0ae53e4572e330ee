using ScottPlot;

namespace Conformance.Reporting.Report;

/// <summary>
/// The report's plots, as PNG bytes to embed (no files beside report.html, no JavaScript): per
/// topology, the per-operation latency distribution (box p25-p75, line at p50, whiskers min-max, so
/// a stall shows as a long whisker) and the throughput, each SUT in its colour, the reference beside ours.
/// </summary>
public static class ReportPlots
{
    /// <summary>Ours: blue. The reference pair (dcmtk as SUT): orange. Any other SUT: grey.</summary>
    public static readonly Color OursColor = Color.FromHex("#1f77b4");

    public static readonly Color ReferenceColor = Color.FromHex("#ff7f0e");

    public static readonly Color OtherColor = Color.FromHex("#7f7f7f");

    public static byte[] Latency(string topology, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        for (var i = 0; i < series.Count; i++)
        {
            // One box plot per series: a box plot paints all its boxes in its own colour.
            var boxPlot = plot.Add.Box(new Box
            {
                Position = i,
                BoxMin = series[i].Percentile(25),
                BoxMax = series[i].Percentile(75),
                BoxMiddle = series[i].Percentile(50),
                WhiskerMin = series[i].Percentile(0),
                WhiskerMax = series[i].Percentile(100),
            });
            boxPlot.FillColor = ColorOf(series[i]);
            boxPlot.LineColor = Colors.Black;
        }

        Finish(plot, series, $"Latency per operation on {topology} (box p25-p75, line p50, whiskers min-max)", "ms per operation");
        return plot.GetImageBytes(Width(series), 420, ImageFormat.Png);
    }

    public static byte[] Throughput(string topology, IReadOnlyList<PlotSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        var plot = new Plot();
        var bars = series.Select((s, i) => new Bar
        {
            Position = i,
            Value = s.OperationsPerSecond,
            FillColor = ColorOf(s),
            LineColor = Colors.Black,
            Label = s.OperationsPerSecond.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
        Finish(plot, series, $"Throughput on {topology} (operations per second, association set-up to release)", "operations / s");
        return plot.GetImageBytes(Width(series), 420, ImageFormat.Png);
    }

    public static Color ColorOf(PlotSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.IsOurs ? OursColor : series.IsReference ? ReferenceColor : OtherColor;
    }

    private static void Finish(Plot plot, IReadOnlyList<PlotSeries> series, string title, string yLabel)
    {
        plot.Title(title, size: 14);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, series.Count).Select(i => (double)i)], [.. series.Select(s => s.Label)]);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 11;
        plot.HideGrid();
        plot.Axes.AutoScaleY();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimitsY(0, Math.Max(limits.Top, 0.001) * 1.08);
        plot.Axes.SetLimitsX(-0.6, series.Count - 0.4);
    }

    private static int Width(IReadOnlyList<PlotSeries> series) => Math.Clamp(160 + (series.Count * 110), 520, 1400);
}
