namespace Conformance.Benchmarks.Scaling;

/// <summary>Sweep 3: the same CT images (512x512, 16 bits) split evenly over 1, 2, 4, ... concurrent associations to one SCP.</summary>
public static class ConcurrencySweep
{
    public static async Task RunAsync(ScalingOptions options, PointRunner points, string directory, Action<string> log, CancellationToken ct)
    {
        log($"concurrency sweep: writing {options.ConcurrencyImages} CT images of {options.ConcurrencyImageBytes} pixel bytes");
        var files = new SizedCtFiles().WriteSeries(directory, "ct", options.ConcurrencyImages, options.ConcurrencyImageBytes, ct);
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var associations in options.Concurrency)
            {
                var split = files.Select((file, i) => (file, i)).GroupBy(f => f.i % associations).Select(g => (IReadOnlyList<SizedFile>)[.. g.Select(f => f.file)]).ToList();
                await points.RunAsync(ScalingSweeps.Concurrency, associations, round, split, ct).ConfigureAwait(false);
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}
