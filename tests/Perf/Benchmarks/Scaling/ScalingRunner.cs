using System.Diagnostics;
using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The three sweeps one after another, each in interleaved rounds; generated files and storage live under the work directory, deleted at the end.</summary>
public sealed class ScalingRunner(ScalingOptions options, Action<string> progress)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<ScalingReport> RunAsync(CancellationToken ct)
    {
        var machine = MachineInfo.Read();
        var work = options.WorkDirectory;
        Directory.CreateDirectory(work);
        try
        {
            Log($"machine: {machine.Cores} x {machine.Cpu}, kernel {machine.Kernel}, {machine.Dotnet}, load {machine.LoadAverageStart}");
            using var scuHeap = new HeapPeakSampler();
            var warmUp = new SizedCtFiles().WriteSeries(Path.Combine(work, "warmup"), "warmup", 20, options.CountImageBytes, ct);
            Log("warm-up (JIT of the SCU and raw TCP paths), not recorded");
            await RawTransfer.RunAsync([warmUp], ct).ConfigureAwait(false);
            var points = new PointRunner(new OurTransfer(work, warmUp, scuHeap), Log);
            await CountSweep.RunAsync(options, points, Path.Combine(work, "count"), Log, ct).ConfigureAwait(false);
            await SizeSweep.RunAsync(options, points, Path.Combine(work, "size"), Log, ct).ConfigureAwait(false);
            await ConcurrencySweep.RunAsync(options, points, Path.Combine(work, "concurrency"), Log, ct).ConfigureAwait(false);
            machine.LoadAverageEnd = MachineInfo.LoadAverage();
            Log($"done in {_clock.Elapsed.TotalMinutes:F1} min, load {machine.LoadAverageEnd}");
            return new ScalingReport(machine, options, points.Measurements) { Duration = _clock.Elapsed };
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private void Log(string message) => progress($"[{_clock.Elapsed:mm\\:ss}] {message}");
}
