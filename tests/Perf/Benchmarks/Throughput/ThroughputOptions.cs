using System.Globalization;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Command line of <c>throughput</c>; every option has a default that matches docs/benchmarks.md.</summary>
public sealed record ThroughputOptions
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

    /// <summary>Where the report, JSON and PNGs go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("docs", "benchmarks");

    /// <summary>Scratch space for the CT files and the receivers' output (one file system for all).</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "conformance-throughput-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public static ThroughputOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ThroughputOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i]} must be positive");
            options = args[i] switch
            {
                "--images" => options with { Images = Number() },
                "--stall-images" => options with { StallImages = Number() },
                "--repeats" => options with { Repeats = Number() },
                "--stall-repeats" => options with { StallRepeats = Number() },
                "--echoes" => options with { Echoes = Number() },
                "--associations" => options with { Associations = Number() },
                "--process-runs" => options with { ProcessRuns = Number() },
                "--out" => options with { OutputDirectory = Value() },
                "--work" => options with { WorkDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --images N --stall-images N --repeats N --stall-repeats N --echoes N --associations N --process-runs N --out DIR --work DIR"),
            };
        }

        return options;
    }
}
