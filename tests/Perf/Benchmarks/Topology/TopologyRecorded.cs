using System.Text.Json;
using Conformance.Benchmarks.Throughput;
using Conformance.Harness.Topologies;

namespace Conformance.Benchmarks.Topologies;

/// <summary>Reads a topology.json back, so that the tables and the plot can be redrawn without measuring again.</summary>
public static class TopologyRecorded
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static TopologyReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var machine = root.GetProperty("machine").Deserialize<MachineInfo>(CaseInsensitive) ?? throw new InvalidDataException($"{path}: no machine");
        machine.LoadAverageEnd = root.GetProperty("machine").GetProperty("LoadAverageEnd").GetString() ?? "";
        var options = root.GetProperty("options").Deserialize<TopologyOptions>(CaseInsensitive) ?? throw new InvalidDataException($"{path}: no options");
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
        return new TopologyReport(machine, options, root.GetProperty("datasetBytes").GetInt64(), topologies)
        {
            MeasuredUtc = root.GetProperty("measuredUtc").GetDateTime(),
            CommandLine = Text(root, "command"),
            PeerImage = Text(root, "storeScpImage"),
        };
    }

    private static ConfigurationResult Configuration(JsonElement configuration, string runs)
    {
        var result = new ConfigurationResult(Text(configuration, "id"), Text(configuration, "title"), "topology");
        result.Runs.AddRange(configuration.GetProperty(runs).EnumerateArray().Select(r => new RunResult(
            r.GetProperty("seconds").GetDouble(),
            r.GetProperty("images").GetInt32(),
            r.GetProperty("bytes").GetInt64(),
            [.. r.GetProperty("perImageMs").EnumerateArray().Select(g => g.GetDouble())])));
        return result;
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString() ?? "";
}
