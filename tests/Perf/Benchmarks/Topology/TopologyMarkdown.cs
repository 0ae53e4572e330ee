using System.Globalization;
using Conformance.Benchmarks.Shared;
using static Conformance.Benchmarks.Shared.MarkdownText;

namespace Conformance.Benchmarks.Topologies;

/// <summary>The tables of docs/benchmarks.md's "Per topology" section, as the runner measured them.</summary>
public static class TopologyMarkdown
{
    public static string Render(TopologyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var o = report.Options;
        var text = new MarkdownText()
            .Measured(report, $"; DCMTK on the host (storescu): `{report.Machine.Dcmtk}`; storescp image: `{report.PeerImage}`")
            .Command(report, $" {o.Images} CT images per transfer (one data set = {report.DatasetLength} bytes, explicit VR LE), {o.Rounds} interleaved rounds.")
            .Line()
            .Line("Goals (issue 8): ratios of times taken round by round, median (min-max) over rounds; met when the median is inside the goal. Two clocks: wall time on our side (storescu's whole process; our SCU from the first file read to release), and the association as storescp's log saw it (received to release, engine-stamped lines).")
            .Line()
            .Table("topology", "clock", "our SCU / storescu (goal < 1)", "met?", "our SCU -> default storescp / reference (goal <= 1.5)", "met?");
        foreach (var t in report.Topologies)
        {
            foreach (var view in t.Goals().GroupBy(g => g.View))
            {
                var goals = view.ToList();
                text.Row(t.Name, view.Key, Spread(goals[0].Ratios, "F2"), Verdict(goals[0]), Spread(goals[1].Ratios, "F2"), Verdict(goals[1]));
            }
        }

        foreach (var t in report.Topologies)
        {
            text.Heading(t.Name)
                .Line($"Placement: {t.Placement}; storescp at `{t.StoreScpEndpoint}` as our side dials it.")
                .Line($"Raw TCP measured per round: {string.Join("; ", t.Links.Select(l => $"RTT {l.RoundTrip.TotalMicroseconds:F0} us, {(l.ThroughputMbit is { } mbit ? mbit.ToString("F0", CultureInfo.InvariantCulture) : "?")} Mbit/s"))} ({(t.Links.Count > 0 ? t.Links[0].Method : "")}).")
                .Line()
                .Table("configuration", "seconds", "ms/image", "MB/s", "time / reference", "storescp saw: ms/image", "time / reference", "per image at storescp p50 / p95 (ms)");
            foreach (var c in t.Configurations)
            {
                var s = t.Configuration(c.Id, seenByStoreScp: true);
                string[] seen = s.Runs.Count == 0
                    ? ["-", "-", "-"]
                    : [Spread(s.MillisecondsPerImage, "F2"), Ratio(t, c.Id, true), $"{Milliseconds(s.PerImage.Median)} / {Milliseconds(s.PerImage.Percentile(95))}"];
                text.Row([c.Title, Spread(c.Seconds, "F2"), Spread(c.MillisecondsPerImage, "F2"), Spread(c.MegabytesPerSecond, "F0"), Ratio(t, c.Id, false), .. seen]);
            }
        }

        return text.ToString();
    }

    private static string Ratio(TopologyResult t, string id, bool seen) =>
        id == TopologyConfiguration.Reference ? "1" : Spread(new Samples(t.TimeRatio(id, TopologyConfiguration.Reference, seen)), "F2");

    private static string Verdict(GoalCheck goal) =>
        $"{(goal.Met ? "met" : "not met")} ({goal.RoundsMet} of {goal.RoundRatios.Count} rounds)";
}
