using System.Text.Json;
using Conformance.Benchmarks.Throughput;

namespace Conformance.Benchmarks.Scaling;

/// <summary>Reads a scaling.json back (<c>scaling --from FILE [--out DIR]</c>), so the tables and plots can be redrawn without measuring again.</summary>
public static class ScalingRecorded
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static ScalingReport Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var root = document.RootElement;
        var machineElement = root.GetProperty("machine");
        var machine = machineElement.Deserialize<MachineInfo>(CaseInsensitive) ?? throw new InvalidDataException($"{path}: no machine");
        machine.LoadAverageEnd = machineElement.GetProperty("LoadAverageEnd").GetString() ?? "";
        var options = root.GetProperty("options").Deserialize<ScalingOptions>(CaseInsensitive) ?? throw new InvalidDataException($"{path}: no options");
        var measurements = root.GetProperty("measurements").EnumerateArray().Select(m => new ScalingMeasurement(
            m.GetProperty("sweep").GetString()!,
            m.GetProperty("configuration").GetString()!,
            m.GetProperty("x").GetInt64(),
            m.GetProperty("round").GetInt32(),
            new RunResult(m.GetProperty("seconds").GetDouble(), m.GetProperty("objects").GetInt32(), m.GetProperty("bytes").GetInt64(), []),
            [.. m.GetProperty("storeMs").EnumerateArray().Select(v => v.GetDouble())],
            m.GetProperty("scp").Deserialize<SideMemory>(CaseInsensitive),
            m.GetProperty("scu").Deserialize<SideMemory>(CaseInsensitive))).ToList();
        return new ScalingReport(machine, options, measurements)
        {
            MeasuredUtc = root.GetProperty("measuredUtc").GetDateTime(),
            CommandLine = root.GetProperty("command").GetString() ?? "",
            Duration = TimeSpan.FromMinutes(root.GetProperty("minutes").GetDouble()),
        };
    }
}
