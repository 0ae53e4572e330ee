using System.Globalization;
using Conformance.Benchmarks.Shared;
using static Conformance.Benchmarks.Shared.MarkdownText;

namespace Conformance.Benchmarks.Goals;

/// <summary>goals.md: the goals with their verdicts, then every configuration's figures.</summary>
public static class GoalsMarkdown
{
    private static readonly (string Group, string Title)[] Groups =
    [
        ("ct", "CT images, storescu -> storescp / our SCP (goal 1)"),
        ("small", "Small objects, storescu -> storescp / our SCP (goal 1)"),
        ("raw", "Our SCU -> our SCP against raw TCP (goal 2)"),
        ("nagle", "Against storescp, DCMTK defaults and TCP_NODELAY=1 (goal 3)"),
        ("echo", "C-ECHO, one whole process per echo (goal 4)"),
    ];

    public static string Render(GoalsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var text = new MarkdownText()
            .Measured(report, $", DCMTK `{report.Machine.Dcmtk}`")
            .Command(report, $" CLI for store/scp: `{report.Cli.Describe()}`.")
            .Line($"{o.Images} CT images per transfer ({report.CtFileBytes} bytes per file), {o.Small} small objects ({report.SmallFileBytes} bytes per file), {o.DurableCount} of each with `--durable`; {o.Rounds} interleaved rounds; {o.EchoRuns} C-ECHO processes per binary per round.")
            .Heading("Goals")
            .Line("Ratio: per round, this configuration's time per object over its baseline's in the same round (for throughput goals the baseline's over this one's, same bytes); median over rounds, (min-max). For C-ECHO the round's figure is the median of its runs. The verdict is on the median ratio.")
            .Line()
            .Table("goal", "configuration", "baseline", "ratio", "target", "verdict");
        foreach (var g in report.Outcomes)
        {
            text.Row($"{g.Goal.Number}: {g.Goal.Text}", $"{g.Configuration.Title}: {Seconds(g.Configuration)}", $"{g.Baseline.Title}: {Seconds(g.Baseline)}", Spread(g.Ratios, "F2"), g.Goal.Target, $"**{g.Verdict}**");
        }

        foreach (var (group, title) in Groups)
        {
            text.Heading(title)
                .Table("configuration", "seconds, median (min-max)", "ms per object", "MB/s", "checked at the receiver (last run)");
            foreach (var c in report.Measurements.Where(c => c.Group == group))
            {
                var s = c.Seconds;
                var rate = c.Bytes == 0 ? "-" : (c.Bytes / 1e6 / s.Median).ToString("F0", CultureInfo.InvariantCulture);
                text.Row(c.Title, Spread(s, "F3"), Milliseconds(s.Median * 1000 / c.Items), rate, c.Checked);
            }
        }

        return text.ToString();
    }

    private static string Seconds(Measurement m) =>
        m.Group == "echo" ? $"{Milliseconds(m.Seconds.Median * 1000)} ms" : $"{m.Seconds.Median.ToString("F2", CultureInfo.InvariantCulture)} s";
}
