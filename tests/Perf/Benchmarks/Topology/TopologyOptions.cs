using Conformance.Benchmarks.Shared;
using Conformance.Harness.Topologies;

namespace Conformance.Benchmarks.Topologies;

/// <summary>Command line of <c>topology</c>; the defaults are the run docs/benchmarks.md quotes.</summary>
public sealed record TopologyOptions() : BenchmarkOptions("topology")
{
    /// <summary>The topologies to measure, in order (names from <see cref="TopologyCatalog.Local"/>).</summary>
    public IReadOnlyList<string> Topologies { get; init; } = [.. TopologyCatalog.Local.Select(t => t.Name)];

    /// <summary>Interleaved rounds: each round runs every configuration once on every topology.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>CT images (512x512x16) per transfer.</summary>
    public int Images { get; init; } = 200;

    public IReadOnlyList<TopologySpec> Specs() => [.. Topologies.Select(name => TopologyCatalog.Local.Single(t => t.Name == name))];

    public static TopologyOptions Parse(IReadOnlyList<string> args) =>
        OptionReader.Parse(args, new TopologyOptions(), $"Options: --topologies {string.Join(',', TopologyCatalog.Local)} --rounds N --images N --smoke (= --images 20 --rounds 1)", (o, options) => o.Name switch
        {
            "--topologies" => options with { Topologies = TopologyNames(o.Value()) },
            "--rounds" => options with { Rounds = o.Number() },
            "--images" => options with { Images = o.Number() },
            "--smoke" => options with { Images = 20, Rounds = 1 },
            _ => o.Common(options),
        });

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
