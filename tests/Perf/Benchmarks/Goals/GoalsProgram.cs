namespace Conformance.Benchmarks.Goals;

/// <summary>
/// <c>goals [--images 1000] [--small 10000] [--rounds 3] [--cli PATH] [--startup LABEL=PATH[;VAR=VALUE]]... [--out DIR]</c>:
/// issue 8's speed goals as ratios in one run; writes goals.md, goals.json and goals.png into the output
/// directory. <c>goals raw-send|raw-receive ...</c> are the two ends of the whole-process raw TCP baseline.
/// </summary>
public static class GoalsProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (RawTcpTool.Handles(args))
        {
            using var cancel = BenchmarkCommand.CancelOnCtrlC();
            return await RawTcpTool.RunAsync(args, cancel.Token).ConfigureAwait(false);
        }

        return await BenchmarkCommand.RunAsync(
            "goals", args, Parse, o => o.Options.OutputDirectory,
            (o, ct) => new GoalsRunner(o.Options, o.Cli, o.Options.Startup.Count > 0 ? o.Options.Startup : [o.Cli], Console.Error.WriteLine).RunAsync(ct),
            GoalsMarkdown.Render, GoalsJson.Render, GoalsPlot.Write).ConfigureAwait(false);
    }

    /// <summary>The options and the CLI build they name (a missing build is an option error, before anything runs).</summary>
    private static (GoalsOptions Options, CliBinary Cli) Parse(IReadOnlyList<string> args)
    {
        var options = GoalsOptions.Parse(args);
        return (options, options.Cli is { } path ? CliBinary.FromPath(path) : CliBinary.Default());
    }
}
