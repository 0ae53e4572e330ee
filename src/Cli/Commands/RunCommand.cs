using System.CommandLine;
using Conformance.Cli.Commands.Run;
using Conformance.Harness.Processes;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance run`: the suite's main job. For now it runs the data-layer checks only (generate,
/// convert through every uncompressed syntax and back, DCMTK reads every file) and says so; it grows
/// into the interop matrix.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var work = new Option<DirectoryInfo?>("--work") { Description = "Directory for the run's files (default: a new temporary directory)" };
        var count = new Option<int>("--count") { Description = "Objects generated per modality", DefaultValueFactory = _ => 2 };
        var seed = new Option<long>("--seed") { Description = "Generator seed", DefaultValueFactory = _ => 1 };

        var command = new Command("run", "Run the conformance suite (for now: the data-layer checks against DCMTK)") { work, count, seed };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var objects = parseResult.GetValue(count);
            if (objects < 1)
            {
                await Console.Error.WriteLineAsync("run: --count must be at least 1").ConfigureAwait(false);
                return 2;
            }

            var dcmdump = ProcessRunner.FindOnPath("dcmdump");
            if (dcmdump is null)
            {
                await Console.Error.WriteLineAsync(
                    "run: DCMTK's dcmdump is not on PATH; the run needs it to check the files (Debian: apt-get install dcmtk; .ci/run installs it).").ConfigureAwait(false);
                return 3;
            }

            var directory = parseResult.GetValue(work)?.FullName
                ?? Path.Combine(Path.GetTempPath(), "conformance-run-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            Directory.CreateDirectory(directory);
            var output = Console.Out;
            await output.WriteLineAsync("conformance run: data-layer checks").ConfigureAwait(false);
            await output.WriteLineAsync($"  generate {objects} object(s) of each modality (CT, MR, US, SC, RICH; seed {parseResult.GetValue(seed)}),").ConfigureAwait(false);
            await output.WriteLineAsync("  convert each explicit-le -> implicit-le -> explicit-be -> deflated -> implicit-le -> explicit-le with our converter,").ConfigureAwait(false);
            await output.WriteLineAsync($"  have DCMTK read every file ({dcmdump}; any exit code but 0, stderr output or W:/E:/F: line fails),").ConfigureAwait(false);
            await output.WriteLineAsync("  and require the implicit -> BE -> deflated -> implicit cycle to give the same bytes and the final file\n  to hold the original data set (except what implicit VR cannot carry, as with dcmconv).").ConfigureAwait(false);

            var outcomes = await new DataLayerRun(directory, objects, parseResult.GetValue(seed), dcmdump)
                .ExecuteAsync(output, cancellationToken).ConfigureAwait(false);
            await RunReport.WriteAsync(output, outcomes, directory).ConfigureAwait(false);
            return outcomes.All(outcome => outcome.Passed) ? 0 : 1;
        });
        return command;
    }
}
