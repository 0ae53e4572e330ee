using System.Globalization;

namespace Conformance.Benchmarks.Goals;

/// <summary>Command line of <c>goals</c>; the defaults are the sizes issue 8 names.</summary>
public sealed record GoalsOptions
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

    public string OutputDirectory { get; init; } = Path.Combine("docs", "benchmarks");

    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "conformance-goals-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public const string Usage = "Options: --images N --small N --durable-count N --rounds N --echo-runs N --cli PATH --startup LABEL=PATH[;VAR=VALUE...] (repeatable) --out DIR --work DIR";

    public static GoalsOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new GoalsOptions();
        var startup = new List<CliBinary>();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i]} must be positive");
            switch (args[i])
            {
                case "--startup":
                    startup.Add(CliBinary.Parse(Value()));
                    continue;
                default:
                    options = args[i] switch
                    {
                        "--images" => options with { Images = Number() },
                        "--small" => options with { Small = Number() },
                        "--durable-count" => options with { DurableCount = Number() },
                        "--rounds" => options with { Rounds = Number() },
                        "--echo-runs" => options with { EchoRuns = Number() },
                        "--cli" => options with { Cli = Value() },
                        "--out" => options with { OutputDirectory = Value() },
                        "--work" => options with { WorkDirectory = Value() },
                        _ => throw new ArgumentException($"Unknown option {args[i]}. {Usage}"),
                    };
                    break;
            }
        }

        return options with { Startup = startup };
    }
}
