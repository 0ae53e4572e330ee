using System.CommandLine;
using Conformance.Cli.Hosting;
using Conformance.Cli.Matrix;
using Conformance.Cli.Options;
using Conformance.Harness.Matrix.Catalog;
using Conformance.Harness.Topologies;

namespace Conformance.Cli.Commands.Run;

/// <summary>`run`'s options: the matrix selection, where the files go, how progress shows, and today's data-layer knobs.</summary>
internal sealed class RunOptions
{
    public Option<string> Sut { get; } = new("--sut")
    {
        Description = "System under test: ours, ours-pathological (the canary SUT: its timed cells must fail with nagle-delayed-ack), dcmtk, or external:FILE (a JSON description of an external SUT, docs/matrix.md)",
        DefaultValueFactory = _ => "ours",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? "ours" : result.Tokens[^1].Value.Trim();
            if (!MatrixAxes.IsSut(text))
            {
                result.AddError($"--sut must be one of {string.Join(", ", MatrixAxes.Suts)}, not '{text}'");
            }

            return text;
        },
    };

    public Option<string[]> Peers { get; } = CliOptions.List("--peers", "Peer families (default: all)", MatrixAxes.Peers);

    public Option<string[]> Versions { get; } = CliOptions.List("--versions", "Debian releases of the peers (default: CONFORMANCE_DEBIAN_SUITE or bookworm)", MatrixAxes.Versions);

    public Option<string[]> Topologies { get; } = CliOptions.List("--topologies", "Topologies (default: same-host, bridged, cross-host)", MatrixAxes.Topologies);

    public Option<string[]> Services { get; } = CliOptions.List("--services", "Services (default: all)", MatrixAxes.Services);

    public Option<bool> Quick { get; } = new("--quick") { Description = $"A few minutes: one case per service and peer, on {MatrixAxes.QuickTopology} unless --topologies says otherwise" };

    public Option<string?> Out { get; } = new("--out") { Description = "Directory for report.html, summary.md, results.json, junit.xml and evidence/ (default: TestResults/conformance under the repository)" };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "Plain progress lines even on a terminal" };

    public Option<string?> Work { get; } = new("--work") { Description = "Directory for the data-layer check's files (default: a new temporary directory)" };

    public Option<int> Count { get; } = CliOptions.Integer("--count", "Objects generated per modality for the data-layer check", 2);

    public Option<long> Seed { get; } = CliOptions.Long("--seed", "Generator seed for the data-layer check", 1);

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Sut, Peers, Versions, Topologies, Services, Quick, Out, Quiet, Work, Count, Seed })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The cases the options pick (MatrixCatalog), for the suites asked for; <paramref name="defaultSuite"/> is the harness's configured Debian suite.</summary>
    public MatrixPlan Plan(ParseResult result, string outDirectory, string defaultSuite)
    {
        var quick = result.GetValue(Quick);
        var versions = result.GetValue(Versions) ?? [];
        var topologies = result.GetValue(Topologies) ?? [];
        var peers = result.GetValue(Peers) ?? [];
        var services = result.GetValue(Services) ?? [];
        var sut = MatrixSuts.Parse(result.GetValue(Sut) ?? "ours");
        var names = topologies.Length > 0 ? topologies : quick ? [MatrixAxes.QuickTopology] : null;
        var selection = new MatrixSelection
        {
            Topologies = names is null ? TopologyCatalog.Local.ToList() : names.Select(MatrixAxes.Topology).ToList(),
            Suts = [sut.Name],
            Services = services.Length > 0 ? services : null,
            PeerFamilies = peers.Length > 0 ? peers : null,
            Quick = quick,
        };
        var cases = MatrixCatalog.Cases(selection);
        if (cases.Count == 0)
        {
            throw CliException.Usage($"the options pick no matrix case ({Describe(selection)}); `run --help` lists the values");
        }

        return new MatrixPlan(cases, [sut], versions.Length > 0 ? versions : [defaultSuite], outDirectory);
    }

    public string OutDirectory(ParseResult result) =>
        CliPaths.WritableDirectory(result.GetValue(Out) ?? Reporting.Results.ResultsLocation.Directory(), "--out");

    public string WorkDirectory(ParseResult result) => result.GetValue(Work) is { } work
        ? CliPaths.WritableDirectory(work, "--work")
        : Directory.CreateTempSubdirectory("conformance-run-").FullName;

    /// <summary>What the selection says in one line, for the run's header.</summary>
    public static string Describe(MatrixSelection selection)
    {
        ArgumentNullException.ThrowIfNull(selection);
        static string All(IReadOnlyList<string>? values) => values is not { Count: > 0 } ? "all" : string.Join(",", values);
        return $"SUT {All(selection.Suts)}; peers {All(selection.PeerFamilies)}; topologies {string.Join(",", selection.Topologies.Select(t => t.Name))}; "
            + $"services {All(selection.Services)}{(selection.Quick ? "; quick (one case per service and peer)" : "")}";
    }
}
