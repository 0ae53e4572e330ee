namespace Conformance.Benchmarks.Scaling;

/// <summary>Sweep 1: 1, 10, ... small CT images (64x64, 16 bits) on one association.</summary>
public static class CountSweep
{
    public static async Task RunAsync(ScalingOptions options, PointRunner points, string directory, Action<string> log, CancellationToken ct)
    {
        var counts = options.Counts;
        log($"count sweep: writing {counts[^1]} CT images of {options.CountImageBytes} pixel bytes");
        var files = new SizedCtFiles().WriteSeries(directory, "count", (int)counts[^1], options.CountImageBytes, ct);
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var count in counts)
            {
                await points.RunAsync(ScalingSweeps.Count, count, round, [files.Take((int)count).ToList()], ct).ConfigureAwait(false);
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}
