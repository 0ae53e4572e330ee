using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>Reads a scaling.json back (<c>scaling --from FILE [--out DIR]</c>), so the tables and plots can be redrawn without measuring again.</summary>
public static class ScalingRecorded
{
    public static ScalingReport Read(string path)
    {
        using var recorded = RecordedJson.Open(path);
        var root = recorded.Root;
        var measurements = root.GetProperty("measurements").EnumerateArray().Select(m => new ScalingMeasurement(
            RecordedJson.Text(m, "sweep"),
            RecordedJson.Text(m, "configuration"),
            m.GetProperty("x").GetInt64(),
            m.GetProperty("round").GetInt32(),
            new RunResult(m.GetProperty("seconds").GetDouble(), m.GetProperty("objects").GetInt32(), m.GetProperty("bytes").GetInt64(), []),
            [.. m.GetProperty("storeMs").EnumerateArray().Select(v => v.GetDouble())],
            RecordedJson.Read<SideMemory>(m.GetProperty("scp")),
            RecordedJson.Read<SideMemory>(m.GetProperty("scu")))).ToList();
        return new ScalingReport(recorded.Machine(), recorded.Options<ScalingOptions>(), measurements)
        {
            MeasuredUtc = recorded.MeasuredUtc,
            CommandLine = recorded.CommandLine,
            Duration = TimeSpan.FromMinutes(root.GetProperty("minutes").GetDouble()),
        };
    }
}
