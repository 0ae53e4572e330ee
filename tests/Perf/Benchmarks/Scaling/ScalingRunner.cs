using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>The three sweeps one after another, each in interleaved rounds; generated files and storage live under the work directory, deleted at the end.</summary>
public sealed class ScalingRunner(ScalingOptions options, Action<string> progress)
{
    private readonly RunFrame _frame = new(progress);

    public Task<ScalingReport> RunAsync(CancellationToken ct) => _frame.RunAsync(options.WorkDirectory, async machine =>
    {
        var work = options.WorkDirectory;
        using var scuHeap = new HeapPeakSampler();
        var warmUp = new SizedCtFiles().WriteSeries(Path.Combine(work, "warmup"), "warmup", 20, options.CountImageBytes, ct);
        Log("warm-up (JIT of the SCU and raw TCP paths), not recorded");
        await RawTransfer.RunAsync([warmUp], ct).ConfigureAwait(false);
        var points = new PointRunner(new OurTransfer(work, warmUp, scuHeap), Log);
        await CountSweep.RunAsync(options, points, Path.Combine(work, "count"), Log, ct).ConfigureAwait(false);
        await SizeSweep.RunAsync(options, points, Path.Combine(work, "size"), Log, ct).ConfigureAwait(false);
        await ConcurrencySweep.RunAsync(options, points, Path.Combine(work, "concurrency"), Log, ct).ConfigureAwait(false);
        return new ScalingReport(machine, options, points.Measurements) { Duration = _frame.Elapsed };
    });

    private void Log(string message) => _frame.Log(message);
}
