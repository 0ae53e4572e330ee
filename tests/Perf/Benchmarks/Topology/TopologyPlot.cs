using System.Globalization;
using Conformance.Benchmarks.Shared;
using Conformance.Benchmarks.Throughput;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Conformance.Benchmarks.Topologies;

/// <summary>topology.png: ms/image per configuration, grouped by topology, on a log scale (the Nagle stall is 20-40x the rest).</summary>
public static class TopologyPlot
{
    private const double LogFloor = -1; // 0.1 ms: where the log-scale bars start
    private static readonly Color[] Palette = [Colors.DarkOrange, Colors.SteelBlue, Colors.SeaGreen, Colors.FireBrick, Colors.Gray];

    public static void Write(TopologyReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        Chart(report).SavePng(Path.Combine(directory, "topology.png"), 1200, 700);
    }

    private static Plot Chart(TopologyReport report)
    {
        var plot = new Plot();
        var configurations = TopologyConfiguration.All;
        var groupWidth = configurations.Count + 1;
        for (var i = 0; i < configurations.Count; i++)
        {
            var id = configurations[i].Id;
            var bars = report.Topologies.Select((t, g) =>
            {
                var perImage = t.Configuration(id).MillisecondsPerImage;
                return new Bar
                {
                    Position = (g * groupWidth) + i,
                    Value = Log(perImage.Median),
                    ValueBase = LogFloor,
                    FillColor = Palette[i % Palette.Length],
                    Label = MarkdownText.Milliseconds(perImage.Median),
                };
            }).ToList();
            var series = plot.Add.Bars(bars);
            series.LegendText = configurations[i].Title;
            series.ValueLabelStyle.FontSize = 11;
            foreach (var (t, g) in report.Topologies.Select((t, g) => (t, g)))
            {
                // The spread over rounds as a min-max whisker; a diamond where storescp's log puts the median.
                var perImage = t.Configuration(id).MillisecondsPerImage;
                var whisker = plot.Add.Line((g * groupWidth) + i, Log(perImage.Min), (g * groupWidth) + i, Log(perImage.Max));
                whisker.LineWidth = 1.5f;
                whisker.Color = Colors.Black;
                if (t.Configuration(id, seenByStoreScp: true) is { Runs.Count: > 0 } seen)
                {
                    var marker = plot.Add.Marker((g * groupWidth) + i, Log(seen.MillisecondsPerImage.Median), MarkerShape.FilledDiamond, 9, Colors.Black);
                    marker.LegendText = i == 0 && g == 0 ? "association as storescp's log saw it (median)" : "";
                }
            }
        }

        var centers = report.Topologies.Select((_, g) => (g * groupWidth) + ((configurations.Count - 1) / 2.0)).ToArray();
        plot.Axes.Bottom.TickGenerator = new NumericManual(centers, [.. report.Topologies.Select(t => t.Name)]);
        plot.Axes.Left.TickGenerator = ThroughputPlots.LogTicks();
        plot.Axes.SetLimitsY(LogFloor, 3.2);
        plot.ShowLegend(Edge.Bottom);
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"Per image, {report.Options.Images} CT images per transfer, storescp in a container (bar: median of {report.Options.Rounds} rounds; line: min-max)"));
        plot.YLabel("ms per image (wall time / images, log scale)");
        return plot;
    }

    private static double Log(double milliseconds) => Math.Log10(Math.Max(milliseconds, 0.1));
}
