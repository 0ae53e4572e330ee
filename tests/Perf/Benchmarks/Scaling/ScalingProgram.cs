namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// <c>scaling [--max-count N] [--max-size 1GB] [--max-concurrency N] [--rounds N] [--smoke] [--out DIR]</c>: the three
/// sweeps, progress on stderr, scaling.md, scaling.json and the PNG plots into the output directory.
/// <c>scaling --from FILE.json [--out DIR]</c> redraws the tables and plots of a recorded run;
/// <c>scaling scp-host ...</c> is the SCP child process the runner starts (<see cref="ScpHost"/>).
/// </summary>
public static class ScalingProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length > 0 && args[0] == ScpHost.Command)
        {
            return await ScpHost.RunAsync(args[1..]).ConfigureAwait(false);
        }

        return await BenchmarkCommand.RunAsync(
            "scaling", args, ScalingOptions.Parse, o => o.OutputDirectory,
            (options, ct) => new ScalingRunner(options, Console.Error.WriteLine).RunAsync(ct),
            ScalingMarkdown.Render, ScalingJson.Render, ScalingPlots.Write, ScalingRecorded.Read).ConfigureAwait(false);
    }
}
