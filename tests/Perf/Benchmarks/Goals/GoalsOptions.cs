using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>Command line of <c>goals</c>; the defaults are the sizes issue 8 names.</summary>
public sealed record GoalsOptions() : BenchmarkOptions("goals")
{
    /// <summary>CT images (512x512x16, ~525 KB) per transfer.</summary>
    public int Images { get; init; } = 1000;

    /// <summary>Small CT objects (64x64x16, ~8 KB) per transfer.</summary>
    public int Small { get; init; } = 10_000;

    /// <summary>Objects per <c>--durable</c> transfer (CT and small): an fsync per object costs tens of ms on this VM's disk.</summary>
    public int DurableCount { get; init; } = 200;

    /// <summary>Interleaved rounds: one run of every configuration per round.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Whole-process C-ECHO runs per round and per binary (interleaved with echoscu).</summary>
    public int EchoRuns { get; init; } = 20;

    /// <summary>The CLI binary the store/scp configurations start (apphost or .dll); null = the Release build of src/Cli.</summary>
    public string? Cli { get; init; }

    /// <summary>Binaries whose C-ECHO start-up is measured (label, path, environment); empty = only <see cref="Cli"/>.</summary>
    public IReadOnlyList<CliBinary> Startup { get; init; } = [];

    private const string Usage = "Options: --images N --small N --durable-count N --rounds N --echo-runs N --cli PATH --startup LABEL=PATH[;VAR=VALUE...] (repeatable)";

    public static GoalsOptions Parse(IReadOnlyList<string> args) =>
        OptionReader.Parse(args, new GoalsOptions(), Usage, (o, options) => o.Name switch
        {
            "--images" => options with { Images = o.Number() },
            "--small" => options with { Small = o.Number() },
            "--durable-count" => options with { DurableCount = o.Number() },
            "--rounds" => options with { Rounds = o.Number() },
            "--echo-runs" => options with { EchoRuns = o.Number() },
            "--cli" => options with { Cli = o.Value() },
            "--startup" => options with { Startup = [.. options.Startup, CliBinary.Parse(o.Value())] },
            _ => o.Common(options),
        });
}
