using System.CommandLine;
using Conformance.Cli.Commands.Run;
using Conformance.Cli.Hosting;
using Conformance.Cli.Options;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Commands;

/// <summary>
/// `conformance report [DIR] [--out OUT]`: merges the per-assembly results files `dotnet test` writes
/// (results.*.json under DIR, searched recursively so that CI artifacts of several jobs merge too)
/// into report.html, summary.md, results.json and junit.xml. Exit code as for `run`.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var directory = new Argument<string?>("DIR")
        {
            Description = "Where the results.*.json files are (default: TestResults/conformance under the repository)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Where the four files go (default: DIR)" };
        var command = new Command("report", "Merge the results files of dotnet test (and CI jobs) into one report") { directory, output };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = CliPaths.ExistingDirectory(parseResult.GetValue(directory) ?? ResultsLocation.Directory(), "DIR");
            var target = CliPaths.WritableDirectory(parseResult.GetValue(output) ?? source, "--out");
            var inputs = ResultsDirectoryMerge.FindInputs(source);
            if (inputs.Count == 0)
            {
                throw CliException.Usage($"no results.*.json under {source}; `dotnet test` writes them to TestResults/conformance (or CONFORMANCE_RESULTS_DIR)");
            }

            var writer = parseResult.Out();
            foreach (var input in inputs)
            {
                await writer.WriteLineAsync($"reading {input}").ConfigureAwait(false);
            }

            ResultsDocument merged;
            try
            {
                merged = await ResultsDirectoryMerge.MergeAsync(inputs, "conformance report", DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false);
            }
            catch (InvalidDataException ex)
            {
                throw new CliException(ExitCodes.Failed, ex.Message);
            }

            var summary = await RunOutput.WriteAsync(merged, target, writer, cancellationToken).ConfigureAwait(false);
            return summary.AnyFailed ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }
}
