using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Conformance.Benchmarks.Goals;

/// <summary>goals.png: each goal's median ratio (bar, min-max line) with its target marked; green met, red not met, grey cost.</summary>
public static class GoalsPlot
{
    public static void Write(GoalsReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        var outcomes = report.Outcomes.Reverse().ToList();
        var plot = new Plot();
        var bars = outcomes.Select((g, i) => new Bar
        {
            Position = i,
            Value = g.Ratios.Median,
            FillColor = g.Met switch { true => Colors.SeaGreen, false => Colors.FireBrick, null => Colors.Gray },
            Label = g.Ratios.Median.ToString("F2", CultureInfo.InvariantCulture),
        }).ToList();
        var barPlot = plot.Add.Bars(bars);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 13;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var ratios = outcomes[i].Ratios;
            var spread = plot.Add.Line(ratios.Min, i - 0.3, ratios.Max, i - 0.3);
            spread.LineWidth = 1.5f;
            spread.Color = Colors.Black;
            if (outcomes[i].Goal.Kind != GoalKind.Cost)
            {
                // The target as a short vertical mark across the goal's bar.
                var target = plot.Add.Line(outcomes[i].Goal.Threshold, i - 0.45, outcomes[i].Goal.Threshold, i + 0.45);
                target.LineWidth = 3;
                target.Color = Colors.Black;
                target.LinePattern = LinePattern.Dotted;
            }
        }

        plot.Axes.Left.TickGenerator = new NumericManual(
            [.. outcomes.Select((_, i) => (double)i)],
            [.. outcomes.Select(g => $"{g.Goal.Number} {g.Configuration.Id} / {g.Baseline.Id} ({g.Goal.Target})")]);
        plot.Axes.Margins(left: 0, right: 0.12);
        plot.Title($"Issue 8 speed goals: ratio to the baseline in the same round ({report.Options.Rounds} rounds)");
        plot.XLabel("bar: median ratio over rounds; line: min-max; dotted mark: the goal's target");
        plot.SavePng(Path.Combine(directory, "goals.png"), 1400, 120 + (outcomes.Count * 55));
    }
}
