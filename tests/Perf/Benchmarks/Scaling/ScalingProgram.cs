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

        if (args.Length >= 2 && args[0] == "--from")
        {
            var recorded = ScalingRecorded.Read(args[1]);
            var directory = BenchmarkCommand.RedrawDirectory(args);
            await File.WriteAllTextAsync(Path.Combine(directory, "scaling.md"), ScalingMarkdown.Render(recorded)).ConfigureAwait(false);
            ScalingPlots.Write(recorded, directory);
            await Console.Error.WriteLineAsync($"redrew scaling.md and the plots in {directory} from {args[1]}").ConfigureAwait(false);
            return 0;
        }

        return await BenchmarkCommand.RunAsync(
            "scaling", args, ScalingOptions.Parse, o => o.OutputDirectory,
            async (options, ct) =>
            {
                var report = await new ScalingRunner(options, Console.Error.WriteLine).RunAsync(ct).ConfigureAwait(false);
                report.CommandLine = BenchmarkCommand.CommandLine("scaling", args);
                return report;
            },
            ScalingMarkdown.Render, ScalingJson.Render, ScalingPlots.Write).ConfigureAwait(false);
    }
}
