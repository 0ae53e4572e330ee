using Conformance.Benchmarks.Throughput;

namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// One point of a sweep in one round: raw TCP of the same bytes, then our SCU to a discarding SCP, then to one
/// storing on disk (back to back, so the ratio to raw TCP compares like with like). Records and logs each.
/// </summary>
public sealed class PointRunner(OurTransfer ours, Action<string> log)
{
    private readonly List<ScalingMeasurement> _measurements = [];

    public IReadOnlyList<ScalingMeasurement> Measurements => _measurements;

    public async Task RunAsync(string sweep, long x, int round, IReadOnlyList<IReadOnlyList<SizedFile>> filesPerAssociation, CancellationToken ct)
    {
        var raw = await RawTransfer.RunAsync(filesPerAssociation, ct).ConfigureAwait(false);
        Add(new ScalingMeasurement(sweep, ScalingConfigurations.RawTcp, x, round, raw, [], null, null));
        foreach (var (configuration, disk) in new[] { (ScalingConfigurations.OursDiscard, false), (ScalingConfigurations.OursDisk, true) })
        {
            var (transfer, storeMs, scp, scu) = await ours.RunAsync(disk, filesPerAssociation, ct).ConfigureAwait(false);
            Add(new ScalingMeasurement(sweep, configuration, x, round, transfer, storeMs, scp, scu));
        }
    }

    private void Add(ScalingMeasurement m)
    {
        _measurements.Add(m);
        var t = m.Transfer;
        var memory = m.Scp is null ? "" : $", SCP peak RSS {ScalingLabels.Megabytes(m.Scp.PeakResidentBytes)} MB, SCU peak RSS {ScalingLabels.Megabytes(m.Scu!.PeakResidentBytes)} MB";
        log($"{m.Sweep} {m.X} round {m.Round} {m.Configuration}: {t.Images} objects, {t.Seconds:F3} s, {t.MegabytesPerSecond:F0} MB/s, {t.MillisecondsPerImage:F3} ms/object{memory}");
    }
}
