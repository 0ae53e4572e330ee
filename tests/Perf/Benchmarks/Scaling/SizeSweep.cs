using System.Diagnostics;

namespace Conformance.Benchmarks.Scaling;

/// <summary>Sweep 2: objects of 10 kB, 100 kB, ... 1 GB of pixel data, a few per size (<see cref="ScalingOptions.ObjectsOfSize"/>) on one association.</summary>
public static class SizeSweep
{
    public static async Task RunAsync(ScalingOptions options, PointRunner points, string directory, Action<string> log, CancellationToken ct)
    {
        var generator = new SizedCtFiles();
        var files = new Dictionary<long, IReadOnlyList<SizedFile>>();
        foreach (var size in options.Sizes)
        {
            var started = Stopwatch.GetTimestamp();
            files[size] = generator.WriteSeries(directory, $"size{size}-", ScalingOptions.ObjectsOfSize(size), size, ct);
            log($"size sweep: wrote {files[size].Count} objects of {size} pixel bytes in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
        }

        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var size in options.Sizes.Where(s => options.RoundsOfSize(s) >= round))
            {
                await points.RunAsync(ScalingSweeps.Size, size, round, [files[size]], ct).ConfigureAwait(false);
            }
        }

        Directory.Delete(directory, recursive: true);
    }
}
