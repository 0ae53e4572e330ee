using Conformance.Cli.Hosting;
using Conformance.Cli.Matrix;
using Conformance.Cli.Output;
using Conformance.Harness.Docker;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Setup;
using Conformance.Harness.Sut.Catalog;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Commands.Run;

/// <summary>
/// The matrix part of `run` and `reproduce`: for each Debian suite of the plan, set up the peers (the same setup
/// as `conformance setup`; a failure is exit code 3), then run the plan's cases one by one through the harness's
/// <see cref="MatrixRunner"/> (the runner `dotnet test` uses), with progress. The runner's log goes to run.log in
/// the output folder; its results file (results.PRODUCER.SUITE.json there) is read back for the rows and links.
/// </summary>
internal static class MatrixStage
{
    public const string LogFile = "run.log";

    public static async Task<MatrixRun> RunAsync(MatrixPlan plan, string producer, HarnessSettings settings, TextWriter output, bool plain, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var cases = plan.Cases;
        await output.WriteLineAsync($"matrix: {cases.Count} case(s) x {plan.Versions.Count} Debian suite(s) on {cases.Select(c => c.Topology).Distinct().Count()} topology(ies) "
            + $"against {cases.Select(c => c.Peer).Distinct().Count()} peer tool(s); runner log in {Path.Combine(plan.OutDirectory, LogFile)}").ConfigureAwait(false);
        var logFile = TextWriter.Synchronized(new StreamWriter(Path.Combine(plan.OutDirectory, LogFile), append: false) { AutoFlush = true });
        await using var closeLog = logFile.ConfigureAwait(false);
        var log = new TimestampedLog(logFile);

        // Testcontainers' ConsoleLogger writes to Console.Out: into run.log with the runner's lines, not between the
        // progress lines. Our own output keeps the writer it was given.
        var console = Console.Out;
        Console.SetOut(logFile);
        try
        {
            return await RunSuitesAsync(plan, producer, settings, output, plain, log, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Console.SetOut(console);
        }
    }

    private static async Task<MatrixRun> RunSuitesAsync(MatrixPlan plan, string producer, HarnessSettings settings, TextWriter output, bool plain, TimestampedLog log, CancellationToken cancellationToken)
    {
        var cases = plan.Cases;
        IMatrixProgress progress = plain ? new PlainRunProgress(output, cases.Count * plan.Versions.Count) : new TerminalRunProgress(output, cases.Count * plan.Versions.Count);
        var results = new List<CaseResult>();
        var links = new List<LinkResult>();
        foreach (var suite in plan.Versions)
        {
            var environment = await SetupCommand.RunAsync(settings with { DebianSuite = suite }, line => SetupCommand.Say(output, line), cancellationToken).ConfigureAwait(false);
            var document = await RunSuiteAsync(plan, $"{producer}.{suite}", environment, progress, log.Write, cancellationToken).ConfigureAwait(false);
            results.AddRange(document.Results);
            links.AddRange(document.Links);
        }

        if (!plain)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        return new MatrixRun(results, links);
    }

    private static async Task<ResultsDocument> RunSuiteAsync(MatrixPlan plan, string producer, HarnessEnvironment environment, IMatrixProgress progress, Action<string> log, CancellationToken cancellationToken)
    {
        string resultsFile;
        try
        {
            var runner = await MatrixRunner.StartAsync(new MatrixRunOptions
            {
                Producer = producer,
                ResultsDirectory = plan.OutDirectory,
                Environment = environment,
                Suts = [.. plan.Suts, .. plan.Suts.Any(s => s.Name == SutCatalog.Dcmtk.Name) ? [] : new[] { SutCatalog.Dcmtk }],
                EvidenceForEveryCase = plan.FullEvidence,
                Log = log,
            }, cancellationToken).ConfigureAwait(false);
            await using (runner.ConfigureAwait(false))
            {
                foreach (var matrixCase in plan.Cases)
                {
                    progress.CaseStarted(matrixCase);
                    progress.CaseFinished(await runner.RunAsync(matrixCase, cancellationToken).ConfigureAwait(false));
                }

                resultsFile = runner.Results.FilePath;
            }
        }
        finally
        {
            // The runner removes the containers it started; this removes whatever a cancelled case left behind.
            await new SuiteJanitor(environment.Docker, log).RemoveRunAsync(SuiteLabels.CurrentRunId, CancellationToken.None).ConfigureAwait(false);
        }

        return await ResultsJson.ReadAsync(resultsFile, cancellationToken).ConfigureAwait(false);
    }
}
