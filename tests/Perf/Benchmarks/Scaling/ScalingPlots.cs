using ScottPlot;
using ScottPlot.TickGenerators;
using Conformance.Benchmarks.Throughput;
using static Conformance.Benchmarks.Scaling.ScalingConfigurations;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// PNGs for docs/benchmarks.md: time and memory against image count, object size and concurrency, ours against raw
/// TCP. Log axes are drawn as log10 of the values with decade ticks (<see cref="ThroughputPlots.LogTicks"/>); points
/// are medians over rounds (time) and the largest round (memory).
/// </summary>
public static class ScalingPlots
{
    private static readonly Dictionary<string, Color> Colours = new()
    {
        [RawTcp] = Colors.Gray, [OursDiscard] = Colors.SteelBlue, [OursDisk] = Colors.DarkOrange,
    };

    public static void Write(ScalingReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Save(CountTime(report), directory, "scaling-count-time.png");
        Save(Memory(report, ScalingSweeps.Count, "Peak memory against image count", "images on one association (log scale)"), directory, "scaling-count-memory.png");
        Save(Throughput(report, ScalingSweeps.Size, "Throughput against object size", "pixel data per object (log scale)", "MB/s, median over rounds (log scale)", logY: true), directory, "scaling-size-throughput.png");
        Save(Memory(report, ScalingSweeps.Size, "Peak memory against object size", "pixel data per object (log scale)"), directory, "scaling-size-memory.png");
        Save(Throughput(report, ScalingSweeps.Concurrency, "Aggregate throughput against concurrent associations", "concurrent associations (log scale)", "MB/s, all associations together, median over rounds", logY: false), directory, "scaling-concurrency-throughput.png");
        Save(ConcurrencyLatency(report), directory, "scaling-concurrency-latency.png");
        Save(Memory(report, ScalingSweeps.Concurrency, "Peak memory against concurrent associations", "concurrent associations (log scale)"), directory, "scaling-concurrency-memory.png");
    }

    private static void Save(Plot plot, string directory, string name) => plot.SavePng(Path.Combine(directory, name), 1200, 560);

    private static Plot CountTime(ScalingReport report)
    {
        var plot = NewPlot(report, ScalingSweeps.Count, "Time per image against image count", "images on one association (log scale)");
        foreach (var c in All)
        {
            AddLine(plot, report, ScalingSweeps.Count, Title(c), Colours[c], x => Log(report.MillisecondsPerImage(ScalingSweeps.Count, c, x).Median));
        }

        plot.Axes.Left.TickGenerator = ThroughputPlots.LogTicks();
        plot.YLabel("ms per image, whole transfer / images (log scale)");
        return plot;
    }

    /// <summary>MB/s per configuration; a log axis where the values span decades (object size), linear otherwise.</summary>
    private static Plot Throughput(ScalingReport report, string sweep, string title, string xLabel, string yLabel, bool logY)
    {
        var plot = NewPlot(report, sweep, title, xLabel);
        foreach (var c in All)
        {
            AddLine(plot, report, sweep, Title(c), Colours[c], x => Scale(report.MegabytesPerSecond(sweep, c, x).Median, logY));
        }

        if (logY)
        {
            plot.Axes.Left.TickGenerator = ThroughputPlots.LogTicks();
        }

        plot.YLabel(yLabel);
        return plot;
    }

    private static Plot ConcurrencyLatency(ScalingReport report)
    {
        var plot = NewPlot(report, ScalingSweeps.Concurrency, "Time of one C-STORE against concurrent associations", "concurrent associations (log scale)");
        foreach (var c in new[] { OursDiscard, OursDisk })
        {
            AddLine(plot, report, ScalingSweeps.Concurrency, Title(c) + " p50", Colours[c], x => Log(report.StoreMs(ScalingSweeps.Concurrency, c, x).Median));
            AddLine(plot, report, ScalingSweeps.Concurrency, Title(c) + " p95 (dashed)", Colours[c], x => Log(report.StoreMs(ScalingSweeps.Concurrency, c, x).Percentile(95))).LinePattern = LinePattern.Dashed;
        }

        plot.Axes.Left.TickGenerator = ThroughputPlots.LogTicks();
        plot.YLabel("ms, request handed to the association -> response (log scale)");
        return plot;
    }

    /// <summary>Peak RSS of each side (solid) and the managed heap's peak (dashed); for sizes, on a log scale, also the object itself.</summary>
    private static Plot Memory(ScalingReport report, string sweep, string title, string xLabel)
    {
        var plot = NewPlot(report, sweep, title, xLabel);
        var logY = sweep == ScalingSweeps.Size; // object sizes span 5 decades; the other sweeps' memory one at most
        (string Label, string Configuration, Func<ScalingMeasurement, SideMemory?> Side, Color Colour)[] lines =
        [
            ("SCP (disk + index)", OursDisk, r => r.Scp, Colors.DarkOrange),
            ("SCP (discard)", OursDiscard, r => r.Scp, Colors.SteelBlue),
            ("SCU (sending to disk SCP)", OursDisk, r => r.Scu, Colors.SeaGreen),
        ];
        foreach (var (label, c, side, colour) in lines)
        {
            AddLine(plot, report, sweep, label + " peak RSS", colour, x => Scale(report.MaxOf(sweep, c, x, side, s => s.PeakResidentBytes) / 1e6, logY));
            AddLine(plot, report, sweep, label + " heap peak (dashed)", colour, x => Scale(report.MaxOf(sweep, c, x, side, s => s.PeakHeapBytes) / 1e6, logY)).LinePattern = LinePattern.Dashed;
        }

        if (sweep == ScalingSweeps.Size)
        {
            AddLine(plot, report, sweep, "one object's size", Colors.Gray, x => Log(x / 1e6)).LinePattern = LinePattern.Dotted;
        }

        if (logY)
        {
            plot.Axes.Left.TickGenerator = ThroughputPlots.LogTicks();
        }

        plot.YLabel(logY ? "MB (log scale); largest round" : "MB; largest round");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    private static Plot NewPlot(ScalingReport report, string sweep, string title, string xLabel)
    {
        var plot = new Plot();
        var points = report.Points(sweep);
        plot.Axes.Bottom.TickGenerator = new NumericManual([.. points.Select(p => Log(p))], [.. points.Select(p => ScalingLabels.Point(sweep, p))]);
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static ScottPlot.Plottables.Scatter AddLine(Plot plot, ScalingReport report, string sweep, string label, Color colour, Func<long, double> value)
    {
        var points = report.Points(sweep);
        double[] xs = [.. points.Select(p => Log(p))];
        double[] ys = [.. points.Select(value)];
        var scatter = plot.Add.Scatter(xs, ys, colour);
        scatter.LegendText = label;
        scatter.MarkerSize = 7;
        scatter.LineWidth = 2;
        return scatter;
    }

    private static double Log(double value) => Math.Log10(value);

    private static double Scale(double value, bool log) => log ? Log(value) : value;
}
