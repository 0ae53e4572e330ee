using System.Globalization;
using Conformance.Harness.Topologies;

namespace Conformance.Benchmarks.Topologies;

/// <summary>Command line of <c>topology</c>; the defaults are the run docs/benchmarks.md quotes.</summary>
public sealed record TopologyOptions
{
    /// <summary>The topologies to measure, in order (names from <see cref="TopologyCatalog.Local"/>).</summary>
    public IReadOnlyList<string> Topologies { get; init; } = [.. TopologyCatalog.Local.Select(t => t.Name)];

    /// <summary>Interleaved rounds: each round runs every configuration once on every topology.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>CT images (512x512x16) per transfer.</summary>
    public int Images { get; init; } = 200;

    /// <summary>Where topology.md, topology.json and topology.png go.</summary>
    public string OutputDirectory { get; init; } = Path.Combine("docs", "benchmarks");

    /// <summary>Scratch space for the CT files and storescp's received files.</summary>
    public string WorkDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "conformance-topology-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));

    public IReadOnlyList<TopologySpec> Specs() => [.. Topologies.Select(name => TopologyCatalog.Local.Single(t => t.Name == name))];

    public static TopologyOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new TopologyOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Number() => int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) is var n and > 0 ? n : throw new ArgumentException($"{args[i]} must be positive");
            options = args[i] switch
            {
                "--topologies" => options with { Topologies = TopologyNames(Value()) },
                "--rounds" => options with { Rounds = Number() },
                "--images" => options with { Images = Number() },
                "--smoke" => options with { Images = 20, Rounds = 1 },
                "--out" => options with { OutputDirectory = Value() },
                "--work" => options with { WorkDirectory = Value() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --topologies {string.Join(',', TopologyCatalog.Local)} --rounds N --images N --smoke (= --images 20 --rounds 1) --out DIR --work DIR"),
            };
        }

        return options;
    }

    private static string[] TopologyNames(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => TopologyCatalog.Local.All(t => t.Name != n)).ToList();
        if (names.Length == 0 || unknown.Count > 0)
        {
            throw new ArgumentException($"--topologies: unknown topology '{string.Join(", ", unknown)}'; known: {string.Join(", ", TopologyCatalog.Local)}");
        }

        return [.. names.Distinct()];
    }
}
