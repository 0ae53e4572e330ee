namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// <c>throughput [--images N] [--out DIR] ...</c>: runs all configurations, prints progress on stderr,
/// writes throughput.md, throughput.json and the PNG plots into the output directory.
/// <c>throughput --from FILE.json [--out DIR]</c> redraws the tables and plots of a recorded run.
/// </summary>
public static class ThroughputProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--from")
        {
            var recorded = RecordedReport.Read(args[1]);
            var outDirectory = BenchmarkCommand.RedrawDirectory(args);
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "throughput.md"), ThroughputMarkdown.Render(recorded)).ConfigureAwait(false);
            ThroughputPlots.Write(recorded, outDirectory);
            await Console.Error.WriteLineAsync($"redrew throughput.md and the plots in {outDirectory} from {args[1]}").ConfigureAwait(false);
            return 0;
        }

        return await BenchmarkCommand.RunAsync(
            "throughput", args, ThroughputOptions.Parse, o => o.OutputDirectory,
            async (options, ct) =>
            {
                var report = await new ThroughputRunner(options, Console.Error.WriteLine).RunAsync(ct).ConfigureAwait(false);
                report.CommandLine = BenchmarkCommand.CommandLine("throughput", args);
                return report;
            },
            ThroughputMarkdown.Render, ThroughputJson.Render, ThroughputPlots.Write).ConfigureAwait(false);
    }
}
