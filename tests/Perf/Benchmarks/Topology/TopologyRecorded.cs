using System.Text.Json;
using Conformance.Benchmarks.Throughput;
using Conformance.Harness.Topologies;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>Reads a topology.json back, so that the tables and the plot can be redrawn without measuring again.</summary>
public static class TopologyRecorded
{
    public static TopologyReport Read(string path)
    {
        using var recorded = RecordedJson.Open(path);
        var root = recorded.Root;
        var topologies = root.GetProperty("topologies").EnumerateArray().Select(t => new TopologyResult(
            Text(t, "name"),
            Text(t, "placement"),
            Text(t, "storeScpEndpoint"),
            [.. t.GetProperty("configurations").EnumerateArray().Select(c => Configuration(c, "runs"))],
            [.. t.GetProperty("configurations").EnumerateArray().Select(c => Configuration(c, "seenByStoreScp"))],
            [.. t.GetProperty("links").EnumerateArray().Select(l => new LinkMeasurement(
                Text(t, "name"),
                TimeSpan.FromMicroseconds(l.GetProperty("roundTripMicroseconds").GetDouble()),
                l.GetProperty("throughputMbit").ValueKind == JsonValueKind.Number ? l.GetProperty("throughputMbit").GetDouble() : null,
                Text(l, "method"),
                l.GetProperty("note").GetString()))])).ToList();
        return new TopologyReport(recorded.Machine(), recorded.Options<TopologyOptions>(), root.GetProperty("datasetBytes").GetInt64(), topologies)
        {
            MeasuredUtc = recorded.MeasuredUtc,
            CommandLine = recorded.CommandLine,
            PeerImage = Text(root, "storeScpImage"),
        };
    }

    private static ConfigurationResult Configuration(JsonElement configuration, string runs)
    {
        var result = new ConfigurationResult(Text(configuration, "id"), Text(configuration, "title"), "topology");
        result.Runs.AddRange(configuration.GetProperty(runs).EnumerateArray().Select(RecordedJson.Run));
        return result;
    }

    private static string Text(JsonElement element, string name) => RecordedJson.Text(element, name);
}
