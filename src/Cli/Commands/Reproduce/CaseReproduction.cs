using Conformance.Cli.Commands.Run;
using Conformance.Cli.Hosting;
using Conformance.Cli.Matrix;
using Conformance.Harness.Setup;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Commands.Reproduce;

/// <summary>
/// `conformance reproduce CASE-ID`: re-runs one matrix case (any id of a results.json) with full
/// evidence and says where it is. The Debian suite comes from --version, else from the case's row in
/// the results.json it is found in, else from the harness settings. To be called by the `reproduce`
/// command (Commands/ReproduceCommand.cs) for any argument that is not a named scenario.
/// </summary>
internal static class CaseReproduction
{
    public sealed record Request(string CaseId, string? Version, string? ResultsFile, string OutDirectory);

    public static async Task<int> RunAsync(Request request, IMatrixRunner? runner, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var settings = SetupCommand.Settings();
        var known = await FindRowAsync(request, cancellationToken).ConfigureAwait(false);
        var suite = request.Version ?? (known?.DebianSuite is { Length: > 0 } s ? s : settings.DebianSuite);
        if (runner is null)
        {
            throw CliException.Environment(
                $"cannot reproduce {request.CaseId}: the interop matrix runner is not wired into this build yet (see docs/cli.md); no case can run");
        }

        var selection = new MatrixSelection
        {
            CaseIds = [request.CaseId],
            Versions = [suite],
            FullEvidence = true,
            EvidenceDirectory = Path.Combine(request.OutDirectory, "evidence"),
            ResultsDirectory = request.OutDirectory,
        };
        var plan = await runner.PlanAsync(selection, cancellationToken).ConfigureAwait(false);
        if (plan.Count == 0)
        {
            throw CliException.Usage($"no matrix case has the id {request.CaseId} (ids are listed in results.json and report.html)");
        }

        var run = await MatrixStage.RunAsync(runner, selection, settings, output, plain: true, cancellationToken).ConfigureAwait(false);
        var document = RunOutput.Document("conformance reproduce", run, [$"reproduction of {request.CaseId} with Debian {suite} peers, full evidence in {selection.EvidenceDirectory}"]);
        var summary = await RunOutput.WriteAsync(document, request.OutDirectory, output, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"evidence: {selection.EvidenceDirectory}").ConfigureAwait(false);
        return summary.AnyFailed ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>The case's row in the given (or the default) results.json, when there is one.</summary>
    private static async Task<CaseResult?> FindRowAsync(Request request, CancellationToken cancellationToken)
    {
        var path = request.ResultsFile ?? Path.Combine(ResultsLocation.Directory(), Reporting.Report.ReportFiles.Results);
        if (!File.Exists(path))
        {
            if (request.ResultsFile is not null)
            {
                throw CliException.Usage($"--from {path} does not exist");
            }

            return null;
        }

        try
        {
            var document = await ResultsJson.ReadAsync(path, cancellationToken).ConfigureAwait(false);
            return document.Results.FirstOrDefault(r => string.Equals(r.Id, request.CaseId, StringComparison.Ordinal)
                && (request.Version is null || r.DebianSuite == request.Version));
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ExitCodes.Failed, ex.Message);
        }
    }
}
