using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>The raw figures: every run's wall time and every per-image gap, every latency sample.</summary>
public static class ThroughputJson
{
    public static string Render(ThroughputReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportJson.Render(report, report.Options, new
        {
            datasetBytes = report.DatasetLength,
            transfers = report.Transfers.Select(t => new
            {
                id = t.Id,
                title = t.Title,
                group = t.Group,
                ratioToRawTcp = t.Group == "throughput" ? report.RatioToBaseline(t.Id).Median : (double?)null,
                runs = t.Runs.Select(r => new
                {
                    seconds = Math.Round(r.Seconds, 5),
                    images = r.Images,
                    bytes = r.Bytes,
                    megabytesPerSecond = Math.Round(r.MegabytesPerSecond, 2),
                    perImageMs = r.PerImageMs.Select(g => Math.Round(g, 4)),
                }),
            }),
            latency = report.Latency.Select(l => new
            {
                id = l.Id,
                title = l.Title,
                method = l.Method,
                milliseconds = l.Milliseconds.Select(v => Math.Round(v, 4)),
            }),
        });
    }
}
