using System.Globalization;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Scaling;

/// <summary>Command line of <c>scaling</c>; the defaults are the run recorded in docs/benchmarks.md.</summary>
public sealed record ScalingOptions() : BenchmarkOptions("scaling")
{
    /// <summary>Largest image count of the count sweep (1, 10, 100, ... up to it).</summary>
    public int MaxCount { get; init; } = 10_000;

    /// <summary>Largest object of the size sweep, bytes of pixel data (10 kB, 100 kB, ... 1 GB, decimal, up to it).</summary>
    public long MaxSize { get; init; } = 1_000_000_000;

    /// <summary>Most concurrent associations of the concurrency sweep (1, 2, 4, ... up to it).</summary>
    public int MaxConcurrency { get; init; } = 32;

    /// <summary>Rounds of every sweep (interleaved: each round runs every point and configuration once).</summary>
    public int Rounds { get; init; } = 2;

    /// <summary>Rounds for objects of 1 GB and more (each moves the object 3 times: raw TCP, discard, disk).</summary>
    public int LargeRounds { get; init; } = 2;

    /// <summary>Pixel data bytes of each image of the count sweep: 64x64 at 16 bits, so 10,000 images stay cheap.</summary>
    public long CountImageBytes { get; init; } = 64 * 64 * 2;

    /// <summary>Images per point of the concurrency sweep, split evenly over the associations (960 = 30 x 32).</summary>
    public int ConcurrencyImages { get; init; } = 960;

    /// <summary>Pixel data bytes of each image of the concurrency sweep: 512x512 at 16 bits, a real CT slice.</summary>
    public long ConcurrencyImageBytes { get; init; } = 512 * 512 * 2;

    public bool Smoke { get; init; }

    public IReadOnlyList<long> Counts => Decades(1, MaxCount);

    public IReadOnlyList<long> Sizes => Decades(10_000, MaxSize);

    public IReadOnlyList<long> Concurrency => [.. Enumerable.Range(0, 31).Select(i => 1L << i).TakeWhile(n => n <= MaxConcurrency)];

    /// <summary>Objects sent per point of the size sweep: up to 10, at most 300 MB per point, at least one.</summary>
    public static int ObjectsOfSize(long size) => (int)Math.Clamp(300_000_000 / size, 1, 10);

    public int RoundsOfSize(long size) => size >= 1_000_000_000 ? Math.Min(Rounds, LargeRounds) : Rounds;

    private const string Usage = "Options: --max-count N --max-size BYTES[kB|MB|GB] --max-concurrency N --rounds N --large-rounds N "
        + "--concurrency-images N --smoke (under a minute: 10 images, 100 kB, 2 associations, 1 round)";

    public static ScalingOptions Parse(IReadOnlyList<string> args)
    {
        var parsed = OptionReader.Parse(args, new ScalingOptions(), Usage, (o, options) => o.Name switch
        {
            "--max-count" => options with { MaxCount = o.Number() },
            "--max-size" => options with { MaxSize = Bytes(o.Value()) },
            "--max-concurrency" => options with { MaxConcurrency = o.Number() },
            "--rounds" => options with { Rounds = o.Number() },
            "--large-rounds" => options with { LargeRounds = o.Number() },
            "--concurrency-images" => options with { ConcurrencyImages = o.Number() },
            "--smoke" => options with { Smoke = true, MaxCount = 10, MaxSize = 100_000, MaxConcurrency = 2, Rounds = 1, ConcurrencyImages = 16 },
            _ => o.Common(options),
        });
        return parsed.ConcurrencyImages < parsed.MaxConcurrency
            ? throw new ArgumentException($"--concurrency-images {parsed.ConcurrencyImages} is fewer than --max-concurrency {parsed.MaxConcurrency}: some associations would send nothing")
            : parsed;
    }

    /// <summary>"1GB", "100MB", "10kB" (decimal) or plain bytes.</summary>
    public static long Bytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (string Suffix, long Factor)[] units = [("GB", 1_000_000_000), ("MB", 1_000_000), ("kB", 1_000), ("KB", 1_000)];
        var (suffix, factor) = units.FirstOrDefault(u => text.EndsWith(u.Suffix, StringComparison.Ordinal), ("", 1));
        var value = long.Parse(text[..^suffix.Length], NumberStyles.None, CultureInfo.InvariantCulture) * factor;
        return value >= 10_000 ? value : throw new ArgumentException($"--max-size {text}: the sweep starts at 10kB");
    }

    private static long[] Decades(long first, long max) =>
        [.. Enumerable.Range(0, 19).Select(i => first * (long)Math.Pow(10, i)).TakeWhile(v => v <= max)];
}
