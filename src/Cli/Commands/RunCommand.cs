using System.CommandLine;
using Conformance.Cli.Commands.Run;
using Conformance.Cli.Hosting;
using Conformance.Harness.Processes;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance run`: the suite's main job. Brings the host tools up (setup's first step), runs the
/// data-layer check (generate, convert through every uncompressed syntax, DCMTK reads every file),
/// then the interop matrix through the harness's MatrixRunner (setup of the peers first; <see cref="MatrixStage"/>),
/// and writes report.html, summary.md, results.json and junit.xml to --out (docs/cli.md).
/// </summary>
internal static class RunCommand
{
    /// <summary>Names the runner's own results files in --out: results.conformance-run.SUITE.json (what `report DIR` merges).</summary>
    public const string Producer = "conformance-run";

    public static Command Create()
    {
        var options = new RunOptions();
        var command = new Command("run", "Run the conformance suite: the data-layer check, then the interop matrix, into a report in --out");
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(options, parseResult, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(RunOptions options, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.Out();
        var settings = SetupCommand.Settings();
        var outDirectory = options.OutDirectory(parseResult);
        var plan = options.Plan(parseResult, outDirectory, settings.DebianSuite);
        var plain = parseResult.GetValue(options.Quiet) || !ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected;
        await output.WriteLineAsync($"conformance run: {plan.Cases.Count} matrix case(s), Debian {string.Join(",", plan.Versions)}; report in {outDirectory}").ConfigureAwait(false);

        var dcmdump = await EnsureDcmdumpAsync(settings, output, cancellationToken).ConfigureAwait(false);
        var work = options.WorkDirectory(parseResult);
        var dataLayer = await DataLayerAsync(output, work, parseResult.GetValue(options.Count), parseResult.GetValue(options.Seed), dcmdump, cancellationToken).ConfigureAwait(false);

        var matrix = await MatrixStage.RunAsync(plan, Producer, settings, output, plain, cancellationToken).ConfigureAwait(false);
        var notes = new List<string> { RunReport.Note(dataLayer) };
        var document = RunOutput.Document("conformance run", matrix, notes);
        var summary = await RunOutput.WriteAsync(document, outDirectory, output, cancellationToken).ConfigureAwait(false);
        return summary.AnyFailed || !dataLayer.All(o => o.Passed) ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>dcmdump checks what the data-layer step writes; setup's host-tools step installs DCMTK where it may.</summary>
    private static async Task<string> EnsureDcmdumpAsync(HarnessSettings settings, TextWriter output, CancellationToken cancellationToken)
    {
        if (ProcessRunner.FindOnPath("dcmdump") is { } found)
        {
            return found;
        }

        await HarnessSetup.EnsureHostToolsAsync(settings, line => SetupCommand.Say(output, line), cancellationToken).ConfigureAwait(false);
        return ProcessRunner.FindOnPath("dcmdump")
            ?? throw CliException.Environment($"DCMTK's dcmdump is not on PATH and could not be installed; the run needs it to check the files: {HostDicomTools.InstallHint}");
    }

    private static async Task<IReadOnlyList<RunFileOutcome>> DataLayerAsync(TextWriter output, string work, int count, long seed, string dcmdump, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("data-layer checks:").ConfigureAwait(false);
        await output.WriteLineAsync($"  generate {count} object(s) of each modality (CT, MR, US, SC, RICH; seed {seed}),").ConfigureAwait(false);
        await output.WriteLineAsync("  convert each explicit-le -> implicit-le -> explicit-be -> deflated -> implicit-le -> explicit-le with our converter,").ConfigureAwait(false);
        await output.WriteLineAsync($"  have DCMTK read every file ({dcmdump}; any exit code but 0, stderr output or W:/E:/F: line fails),").ConfigureAwait(false);
        await output.WriteLineAsync("  and require the implicit -> BE -> deflated -> implicit cycle to give the same bytes and the final file\n  to hold the original data set (except what implicit VR cannot carry, as with dcmconv).").ConfigureAwait(false);
        var outcomes = await new DataLayerRun(work, count, seed, dcmdump).ExecuteAsync(output, cancellationToken).ConfigureAwait(false);
        await RunReport.WriteAsync(output, outcomes, work).ConfigureAwait(false);
        return outcomes;
    }
}
