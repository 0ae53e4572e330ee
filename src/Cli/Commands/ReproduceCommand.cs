using System.CommandLine;
using Conformance.Cli.Commands.Reproduce;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Scenarios.Seed2016;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance reproduce seed-2016 [--topology T]... [--images N] [--images-b N] [--out DIR]`: the 2016 C-MOVE
/// regression on this machine, without and with the fix, with the budget's signatures (docs/budgets.md).
/// Any other argument is a case id: <see cref="CaseReproduction"/> re-runs that matrix case.
/// </summary>
internal static class ReproduceCommand
{
    public const string Seed2016 = "seed-2016";

    /// <summary>The local topologies by name, written out so that building the command tree loads no harness type (docs/cli.md).</summary>
    private static readonly string[] Topologies = ["same-host", "bridged", "cross-host"];

    public static Command Create()
    {
        var target = new Argument<string>("scenario-or-case") { Description = $"{Seed2016} (the 2016 C-MOVE stall, without and with the fix), or a case id from results.json" };
        var topologies = CliOptions.List("--topology", $"{Seed2016}: topologies to run on (default: all)", Topologies);
        var images = CliOptions.Integer("--images", $"{Seed2016}: CT images moved without the fix (Nagle) and with the fix", 1000);
        var imagesB = CliOptions.Integer("--images-b", $"{Seed2016}: images of the TCP_BUFFER_LENGTH=16384 part (1-2 s each on loopback)", 100);
        var output = new Option<string?>("--out") { Description = "Folder for the evidence and the report (default: a new temporary folder)" };
        var version = new Option<string?>("--version") { Description = "Case: the Debian release of the peers (default: the case's row, else the harness settings)" };
        var from = new Option<string?>("--from") { Description = "Case: the results.json to find the case in (default: the results directory's)" };
        var command = new Command("reproduce", $"Reproduce a known failure on this machine: {Seed2016}, or one matrix case by its id")
        {
            target, topologies, images, imagesB, output, version, from,
        };
        command.SetAction((result, ct) =>
        {
            var name = result.GetRequiredValue(target);
            var matrixCase = name == Seed2016 ? null : CaseReproduction.Find(name);
            var folder = CliPaths.WritableDirectory(
                result.GetValue(output) ?? Directory.CreateTempSubdirectory($"conformance-reproduce-").FullName, "--out");
            return matrixCase is null
                ? SeedAsync(result.Out(), result.GetValue(topologies) is { Length: > 0 } chosen ? chosen : Topologies, result.GetValue(images), result.GetValue(imagesB), folder, ct)
                : CaseReproduction.RunAsync(new CaseReproduction.Request(matrixCase, result.GetValue(version), result.GetValue(from), folder), result.Out(), ct);
        });
        return command;
    }

    /// <summary>Writes the report to the folder and returns 0 once it is written: its verdicts are the outcome.</summary>
    private static async Task<int> SeedAsync(TextWriter output, IReadOnlyList<string> names, int images, int imagesB, string folder, CancellationToken ct)
    {
        var topologies = TopologyCatalog.Local.Where(t => names.Contains(t.Name)).ToList();
        void Say(string line) => output.WriteLine($"[reproduce {DateTime.UtcNow:HH:mm:ss}] {line}");
        Say($"{Seed2016}: {images} images (the TCP_BUFFER_LENGTH=16384 part: {Math.Min(images, imagesB)}, 1-2 s per image on loopback) on {string.Join(", ", topologies)}; work in {folder}");
        Seed2016Study study;
        try
        {
            study = await Seed2016Study.GenerateAsync(Path.Combine(folder, "images"), images, imagesB, ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            throw CliException.Usage(ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", "", StringComparison.Ordinal));
        }

        HarnessSession session;
        try
        {
            session = await HarnessSession.StartAsync(Say, ct).ConfigureAwait(false);
        }
        catch (HarnessSetupException ex)
        {
            throw CliException.Environment($"the harness is not available: {ex.Message}", ex);
        }

        var reports = new List<string>();
        await using (session.ConfigureAwait(false))
        {
            var runner = new Seed2016Runner(session, study, Path.Combine(folder, "evidence"), Say);
            foreach (var spec in topologies)
            {
                var rows = await runner.RunAsync(spec, ct).ConfigureAwait(false);
                var topology = await session.Topologies.GetAsync(spec, ct).ConfigureAwait(false);
                var report = Seed2016Report.Render(spec, topology.Measurement, study, rows);
                reports.Add(report);
                await output.WriteLineAsync().ConfigureAwait(false);
                await output.WriteLineAsync(report).ConfigureAwait(false);
            }
        }

        var path = Path.Combine(folder, "seed-2016.txt");
        await File.WriteAllTextAsync(path, string.Join(Environment.NewLine, reports), ct).ConfigureAwait(false);
        Say($"report written to {path}");
        return ExitCodes.Success;
    }
}
