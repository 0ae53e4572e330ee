using Conformance.Cli.Hosting;
using Conformance.Cli.Matrix;
using Conformance.Cli.Output;
using Conformance.Harness.Setup;

namespace Conformance.Cli.Commands.Run;

/// <summary>
/// The matrix part of `run` (and `reproduce`): plan, set up the peers of every Debian suite asked for
/// (the same setup as `conformance setup`; a failure is exit code 3), run with progress.
/// </summary>
internal static class MatrixStage
{
    public static async Task<MatrixRun> RunAsync(IMatrixRunner runner, MatrixSelection selection, HarnessSettings settings, TextWriter output, bool plain, CancellationToken cancellationToken)
    {
        var plan = await runner.PlanAsync(selection, cancellationToken).ConfigureAwait(false);
        if (plan.Count == 0)
        {
            throw CliException.Usage($"the selection picks no case ({RunOptions.Describe(selection)})");
        }

        await output.WriteLineAsync($"matrix: {plan.Count} case(s) on {plan.Select(c => c.Topology).Distinct().Count()} topology(ies) against {plan.Select(c => c.Peer).Distinct().Count()} peer tool(s)").ConfigureAwait(false);
        var environments = new Dictionary<string, HarnessEnvironment>(StringComparer.Ordinal);
        foreach (var suite in selection.Versions)
        {
            environments[suite] = await SetupCommand.RunAsync(settings with { DebianSuite = suite }, line => SetupCommand.Say(output, line), cancellationToken).ConfigureAwait(false);
        }

        IMatrixProgress progress = plain ? new PlainRunProgress(output, plan.Count) : new TerminalRunProgress(output, plan.Count);
        var run = await runner.RunAsync(selection, environments, progress, cancellationToken).ConfigureAwait(false);
        if (!plain)
        {
            await output.WriteLineAsync().ConfigureAwait(false);
        }

        return run;
    }
}
