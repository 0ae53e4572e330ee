using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>The raw figures: every run's wall time per configuration and topology, every raw TCP measurement, the goals.</summary>
public static class TopologyJson
{
    public static string Render(TopologyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportJson.Render(report, report.Options, new
        {
            storeScpImage = report.PeerImage,
            datasetBytes = report.DatasetLength,
            topologies = report.Topologies.Select(t => new
            {
                name = t.Name,
                placement = t.Placement,
                storeScpEndpoint = t.StoreScpEndpoint,
                links = t.Links.Select(l => new { roundTripMicroseconds = Math.Round(l.RoundTrip.TotalMicroseconds, 1), throughputMbit = l.ThroughputMbit, method = l.Method, note = l.Note }),
                goals = t.Goals().Select(g => new { goal = g.Goal, ratio = g.RatioName, clock = g.View, limit = g.Limit, roundRatios = g.RoundRatios.Select(r => Math.Round(r, 4)), median = Math.Round(g.Ratios.Median, 4), met = g.Met, roundsMet = g.RoundsMet }),
                configurations = t.Configurations.Select(c => new
                {
                    id = c.Id,
                    title = c.Title,
                    runs = Runs(c),
                    seenByStoreScp = Runs(t.Configuration(c.Id, seenByStoreScp: true)),
                }),
            }),
        });
    }

    private static IEnumerable<object> Runs(ConfigurationResult configuration) => configuration.Runs.Select(r => new
    {
        seconds = Math.Round(r.Seconds, 5),
        images = r.Images,
        bytes = r.Bytes,
        millisecondsPerImage = Math.Round(r.MillisecondsPerImage, 4),
        megabytesPerSecond = Math.Round(r.MegabytesPerSecond, 2),
        perImageMs = r.PerImageMs.Select(g => Math.Round(g, 3)),
    });
}
