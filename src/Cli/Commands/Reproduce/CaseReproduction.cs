using Conformance.Cli.Commands.Run;
using Conformance.Cli.Hosting;
using Conformance.Cli.Matrix;
using Conformance.Harness.Matrix.Catalog;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Sut.Catalog;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Commands.Reproduce;

/// <summary>
/// `conformance reproduce CASE-ID`: re-runs one matrix case (any id of a results.json) through the harness's
/// runner with full evidence (peer logs, SCP logs, notes and capture even when it passes) and says where it is.
/// The Debian suite comes from --version, else from the case's row in the results.json it is found in, else
/// from the harness settings. Called by the `reproduce` command for any argument that is not a named scenario.
/// </summary>
internal static class CaseReproduction
{
    public const string Producer = "conformance-reproduce";

    public sealed record Request(MatrixCase Case, string? Version, string? ResultsFile, string OutDirectory);

    public static async Task<int> RunAsync(Request request, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        var matrixCase = request.Case;
        var settings = SetupCommand.Settings();
        var known = await FindRowAsync(request, cancellationToken).ConfigureAwait(false);
        var suite = request.Version ?? (known?.DebianSuite is { Length: > 0 } s ? s : settings.DebianSuite);
        var plan = new MatrixPlan([matrixCase], [Sut(matrixCase.Sut)], [suite], request.OutDirectory) { FullEvidence = true };
        await output.WriteLineAsync($"reproduce {matrixCase.Id} with Debian {suite} peers; evidence in {plan.EvidenceDirectory}").ConfigureAwait(false);

        var run = await MatrixStage.RunAsync(plan, Producer, settings, output, plain: true, cancellationToken).ConfigureAwait(false);
        var document = RunOutput.Document("conformance reproduce", run, [$"reproduction of {matrixCase.Id} with Debian {suite} peers, full evidence in {plan.EvidenceDirectory}"]);
        var summary = await RunOutput.WriteAsync(document, request.OutDirectory, output, cancellationToken).ConfigureAwait(false);
        foreach (var row in run.Results)
        {
            await output.WriteLineAsync($"{OutcomeNames(row)} {row.Id} ({row.DebianSuite}): {row.Message.Split('\n')[0]}").ConfigureAwait(false);
            foreach (var file in row.Evidence)
            {
                await output.WriteLineAsync($"  evidence: {Path.Combine(request.OutDirectory, file)}").ConfigureAwait(false);
            }
        }

        return summary.AnyFailed ? ExitCodes.Failed : ExitCodes.Success;
    }

    /// <summary>The catalogue's case with exactly this id; anything else is a one-line usage error saying where ids are.</summary>
    public static MatrixCase Find(string caseId)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var id = caseId.Trim().ToLowerInvariant();
        var parts = id.Split('/');
        var topology = parts.Length == 6 ? MatrixAxes.Topologies.FirstOrDefault(t => t == parts[4]) : null;
        var found = topology is null ? null : MatrixCatalog.Cases(new MatrixSelection
        {
            Topologies = [MatrixAxes.Topology(topology)],
            Suts = [parts[2]],
            Services = [parts[0]],
            IdFilter = [id],
        }).FirstOrDefault(c => c.Id == id);
        return found ?? throw CliException.Usage(
            $"no matrix case has the id '{caseId}'; ids (service/role/sut/peer/topology/variant) are the \"id\" of each row in results.json, "
            + $"the rows of report.html, and `dotnet test tests/Interop --list-tests`; named scenarios: {ReproduceCommand.Seed2016}");
    }

    private static SutDescriptor Sut(string name) =>
        MatrixSuts.Named(name)
        ?? SutCatalog.FromEnvironment(Environment.GetEnvironmentVariable).FirstOrDefault(d => d.Name == name)
            ?? throw CliException.Usage($"the case's SUT '{name}' is an external one: set {SutCatalog.Variable} to its JSON description (docs/matrix.md)");

    private static string OutcomeNames(CaseResult row) => Reporting.Report.OutcomeNames.Of(row.Outcome).ToUpperInvariant();

    /// <summary>The case's row in the given (or the default) results.json, when there is one.</summary>
    private static async Task<CaseResult?> FindRowAsync(Request request, CancellationToken cancellationToken)
    {
        var path = request.ResultsFile ?? Path.Combine(Reporting.Results.ResultsLocation.Directory(), Reporting.Report.ReportFiles.Results);
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
            return document.Results.FirstOrDefault(r => string.Equals(r.Id, request.Case.Id, StringComparison.Ordinal)
                && (request.Version is null || r.DebianSuite == request.Version));
        }
        catch (InvalidDataException ex)
        {
            throw new CliException(ExitCodes.Failed, ex.Message);
        }
    }
}
