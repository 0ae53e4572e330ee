using System.Text.Json;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The raw figures: every transfer of every round with its memory, every C-STORE time.</summary>
public static class ScalingJson
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Render(ScalingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new
        {
            measuredUtc = report.MeasuredUtc,
            command = report.CommandLine,
            minutes = Math.Round(report.Duration.TotalMinutes, 2),
            machine = report.Machine,
            options = report.Options,
            measurements = report.Measurements.Select(m => new
            {
                sweep = m.Sweep,
                configuration = m.Configuration,
                x = m.X,
                round = m.Round,
                seconds = Math.Round(m.Transfer.Seconds, 5),
                objects = m.Transfer.Images,
                bytes = m.Transfer.Bytes,
                megabytesPerSecond = Math.Round(m.Transfer.MegabytesPerSecond, 2),
                scp = m.Scp,
                scu = m.Scu,
                storeMs = m.StoreMs.Select(v => Math.Round(v, 4)),
            }),
        };
        return JsonSerializer.Serialize(document, Indented);
    }
}
