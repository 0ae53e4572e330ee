namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// <c>throughput [--images N] [--out DIR] ...</c>: runs all configurations, prints progress on stderr,
/// writes throughput.md, throughput.json and the PNG plots into the output directory.
/// <c>throughput --from FILE.json [--out DIR]</c> redraws the tables and plots of a recorded run.
/// </summary>
public static class ThroughputProgram
{
    public static Task<int> RunAsync(string[] args) => BenchmarkCommand.RunAsync(
        "throughput", args, ThroughputOptions.Parse, o => o.OutputDirectory,
        (options, ct) => new ThroughputRunner(options, Console.Error.WriteLine).RunAsync(ct),
        ThroughputMarkdown.Render, ThroughputJson.Render, ThroughputPlots.Write, RecordedReport.Read);
}
