using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The raw figures: every transfer of every round with its memory, every C-STORE time.</summary>
public static class ScalingJson
{
    public static string Render(ScalingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ReportJson.Render(report, report.Options, new
        {
            minutes = Math.Round(report.Duration.TotalMinutes, 2),
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
        });
    }
}
