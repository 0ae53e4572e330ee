using System.Text.Json;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Reads a throughput.json back, so that the tables and plots can be redrawn without measuring again.</summary>
public static class RecordedReport
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static ThroughputReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var machine = root.GetProperty("machine").Deserialize<MachineInfo>(CaseInsensitive)
            ?? throw new InvalidDataException($"{path}: no machine");
        machine.LoadAverageEnd = root.GetProperty("machine").GetProperty("LoadAverageEnd").GetString() ?? "";
        var options = root.GetProperty("options").Deserialize<ThroughputOptions>(CaseInsensitive)
            ?? throw new InvalidDataException($"{path}: no options");
        var transfers = root.GetProperty("transfers").EnumerateArray().Select(t =>
        {
            var result = new ConfigurationResult(t.GetProperty("id").GetString()!, t.GetProperty("title").GetString()!, t.GetProperty("group").GetString()!);
            result.Runs.AddRange(t.GetProperty("runs").EnumerateArray().Select(r => new RunResult(
                r.GetProperty("seconds").GetDouble(),
                r.GetProperty("images").GetInt32(),
                r.GetProperty("bytes").GetInt64(),
                [.. r.GetProperty("perImageMs").EnumerateArray().Select(g => g.GetDouble())])));
            return result;
        }).ToList();
        var latency = root.GetProperty("latency").EnumerateArray().Select(l => new LatencySeries(
            l.GetProperty("id").GetString()!,
            l.GetProperty("title").GetString()!,
            l.GetProperty("method").GetString()!,
            [.. l.GetProperty("milliseconds").EnumerateArray().Select(v => v.GetDouble())])).ToList();
        return new ThroughputReport(machine, options, root.GetProperty("datasetBytes").GetInt64(), transfers, latency)
        {
            MeasuredUtc = root.GetProperty("measuredUtc").GetDateTime(),
            CommandLine = root.GetProperty("command").GetString() ?? "",
        };
    }
}
