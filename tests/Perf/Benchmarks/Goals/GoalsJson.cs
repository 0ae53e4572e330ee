using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>The raw figures of a <c>goals</c> run: every run's seconds by round, and each goal's per-round ratios.</summary>
public static class GoalsJson
{
    public static string Render(GoalsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var options = new { report.Options.Images, report.Options.Small, report.Options.DurableCount, report.Options.Rounds, report.Options.EchoRuns };
        return ReportJson.Render(report, options, new
        {
            cli = report.Cli.Describe(),
            ctFileBytes = report.CtFileBytes,
            smallFileBytes = report.SmallFileBytes,
            goals = report.Outcomes.Select(g => new
            {
                number = g.Goal.Number,
                text = g.Goal.Text,
                configuration = g.Goal.ConfigurationId,
                baseline = g.Goal.BaselineId,
                target = g.Goal.Target,
                ratioMedian = Math.Round(g.Ratios.Median, 4),
                ratiosByRound = g.RoundRatios.Select(r => Math.Round(r, 4)),
                verdict = g.Verdict,
            }),
            configurations = report.Measurements.Select(m => new
            {
                id = m.Id,
                title = m.Title,
                group = m.Group,
                objects = m.Items,
                bytes = m.Bytes,
                @checked = m.Checked,
                secondsByRound = m.Rounds.Select(r => r.Select(s => Math.Round(s, 5))),
            }),
        });
    }
}
