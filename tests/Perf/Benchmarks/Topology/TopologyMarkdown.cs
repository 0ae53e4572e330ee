using System.Globalization;
using System.Text;
using Conformance.Benchmarks.Throughput;

namespace Conformance.Benchmarks.Topologies;

/// <summary>The tables of docs/benchmarks.md's "Per topology" section, as the runner measured them.</summary>
public static class TopologyMarkdown
{
    public static string Render(TopologyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var m = report.Machine;
        var o = report.Options;
        var text = new StringBuilder();
        Line(text, $"Measured {report.MeasuredUtc:yyyy-MM-dd HH:mm} UTC on {m.Cores} x {m.Cpu}, {m.Os}, kernel {m.Kernel}, {m.Dotnet}; DCMTK on the host (storescu): `{m.Dcmtk}`; storescp image: `{report.PeerImage}`; load average {m.LoadAverageStart} at start, {m.LoadAverageEnd} at end.");
        Line(text, $"Command: `{report.CommandLine}`. {o.Images} CT images per transfer (one data set = {report.DatasetLength} bytes, explicit VR LE), {o.Rounds} interleaved rounds.");
        Line(text);
        Line(text, "Goals (issue 8): ratios of times taken round by round, median (min-max) over rounds; met when the median is inside the goal. Two clocks: wall time on our side (storescu's whole process; our SCU from the first file read to release), and the association as storescp's log saw it (received to release, engine-stamped lines).");
        Line(text);
        Line(text, "| topology | clock | our SCU / storescu (goal < 1) | met? | our SCU -> default storescp / reference (goal <= 1.5) | met? |");
        Line(text, "|---|---|---|---|---|---|");
        foreach (var t in report.Topologies)
        {
            foreach (var view in t.Goals().GroupBy(g => g.View))
            {
                var goals = view.ToList();
                Line(text, $"| {t.Name} | {view.Key} | {Spread(goals[0].Ratios, "F2")} | {Verdict(goals[0])} | {Spread(goals[1].Ratios, "F2")} | {Verdict(goals[1])} |");
            }
        }

        foreach (var t in report.Topologies)
        {
            Line(text);
            Line(text, $"### {t.Name}");
            Line(text);
            Line(text, $"Placement: {t.Placement}; storescp at `{t.StoreScpEndpoint}` as our side dials it.");
            Line(text, $"Raw TCP measured per round: {string.Join("; ", t.Links.Select(l => $"RTT {l.RoundTrip.TotalMicroseconds:F0} us, {(l.ThroughputMbit is { } mbit ? mbit.ToString("F0", CultureInfo.InvariantCulture) : "?")} Mbit/s"))} ({(t.Links.Count > 0 ? t.Links[0].Method : "")}).");
            Line(text);
            Line(text, "| configuration | seconds | ms/image | MB/s | time / reference | storescp saw: ms/image | time / reference | per image at storescp p50 / p95 (ms) |");
            Line(text, "|---|---|---|---|---|---|---|---|");
            foreach (var c in t.Configurations)
            {
                var s = t.Configuration(c.Id, seenByStoreScp: true);
                var seen = s.Runs.Count == 0
                    ? "- | - | -"
                    : $"{Spread(s.MillisecondsPerImage, "F2")} | {Ratio(t, c.Id, true)} | {ThroughputMarkdown.F(s.PerImage.Median)} / {ThroughputMarkdown.F(s.PerImage.Percentile(95))}";
                Line(text, $"| {c.Title} | {Spread(c.Seconds, "F2")} | {Spread(c.MillisecondsPerImage, "F2")} | {Spread(c.MegabytesPerSecond, "F0")} | {Ratio(t, c.Id, false)} | {seen} |");
            }
        }

        return text.ToString();
    }

    private static string Ratio(TopologyResult t, string id, bool seen) =>
        id == TopologyConfiguration.Reference ? "1" : Spread(new Samples(t.TimeRatio(id, TopologyConfiguration.Reference, seen)), "F2");

    private static string Verdict(GoalCheck goal) =>
        $"{(goal.Met ? "met" : "not met")} ({goal.RoundsMet} of {goal.RoundRatios.Count} rounds)";

    private static string Spread(Samples s, string format) =>
        $"{s.Median.ToString(format, CultureInfo.InvariantCulture)} ({s.Min.ToString(format, CultureInfo.InvariantCulture)}-{s.Max.ToString(format, CultureInfo.InvariantCulture)})";

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
