using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Reads a throughput.json back, so that the tables and plots can be redrawn without measuring again.</summary>
public static class RecordedReport
{
    public static ThroughputReport Read(string path)
    {
        using var recorded = RecordedJson.Open(path);
        var root = recorded.Root;
        var transfers = root.GetProperty("transfers").EnumerateArray().Select(t =>
        {
            var result = new ConfigurationResult(RecordedJson.Text(t, "id"), RecordedJson.Text(t, "title"), RecordedJson.Text(t, "group"));
            result.Runs.AddRange(t.GetProperty("runs").EnumerateArray().Select(RecordedJson.Run));
            return result;
        }).ToList();
        var latency = root.GetProperty("latency").EnumerateArray().Select(l => new LatencySeries(
            RecordedJson.Text(l, "id"),
            RecordedJson.Text(l, "title"),
            RecordedJson.Text(l, "method"),
            [.. l.GetProperty("milliseconds").EnumerateArray().Select(v => v.GetDouble())])).ToList();
        return new ThroughputReport(recorded.Machine(), recorded.Options<ThroughputOptions>(), root.GetProperty("datasetBytes").GetInt64(), transfers, latency)
        {
            MeasuredUtc = recorded.MeasuredUtc,
            CommandLine = recorded.CommandLine,
        };
    }
}
