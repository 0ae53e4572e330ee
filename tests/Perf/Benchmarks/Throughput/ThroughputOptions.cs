using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Command line of <c>throughput</c>; every option has a default that matches docs/benchmarks.md.</summary>
public sealed record ThroughputOptions() : BenchmarkOptions("throughput")
{
    /// <summary>Images per transfer in the throughput configurations (1000 CT images).</summary>
    public int Images { get; init; } = 1000;

    /// <summary>Images per transfer against a default (Nagle on) storescp, where a stall costs ~45 ms per image.</summary>
    public int StallImages { get; init; } = 100;

    /// <summary>Repetitions of each throughput configuration (interleaved: one of each per round).</summary>
    public int Repeats { get; init; } = 7;

    public int StallRepeats { get; init; } = 3;

    /// <summary>C-ECHO round trips on one association.</summary>
    public int Echoes { get; init; } = 1000;

    /// <summary>Association open+release repetitions in process.</summary>
    public int Associations { get; init; } = 200;

    /// <summary>Whole-process runs of echoscu (and of its --version as the process start reference).</summary>
    public int ProcessRuns { get; init; } = 30;

    private const string Usage = "Options: --images N --stall-images N --repeats N --stall-repeats N --echoes N --associations N --process-runs N";

    public static ThroughputOptions Parse(IReadOnlyList<string> args) =>
        OptionReader.Parse(args, new ThroughputOptions(), Usage, (o, options) => o.Name switch
        {
            "--images" => options with { Images = o.Number() },
            "--stall-images" => options with { StallImages = o.Number() },
            "--repeats" => options with { Repeats = o.Number() },
            "--stall-repeats" => options with { StallRepeats = o.Number() },
            "--echoes" => options with { Echoes = o.Number() },
            "--associations" => options with { Associations = o.Number() },
            "--process-runs" => options with { ProcessRuns = o.Number() },
            _ => o.Common(options),
        });
}
