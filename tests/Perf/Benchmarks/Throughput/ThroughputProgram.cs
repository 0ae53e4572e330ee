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

        return await BenchmarkCommand.RunAsync(() => ThroughputOptions.Parse(args), (options, ct) => MeasureAsync(options, args, ct)).ConfigureAwait(false);
    }

    private static async Task<int> MeasureAsync(ThroughputOptions options, string[] args, CancellationToken ct)
    {
        var report = await new ThroughputRunner(options, Console.Error.WriteLine).RunAsync(ct).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- throughput " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = Path.Combine(options.OutputDirectory, "throughput.md");
        await File.WriteAllTextAsync(markdown, ThroughputMarkdown.Render(report), ct).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "throughput.json"), ThroughputJson.Render(report), ct).ConfigureAwait(false);
        ThroughputPlots.Write(report, options.OutputDirectory);
        Console.WriteLine(await File.ReadAllTextAsync(markdown, ct).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {markdown}, throughput.json and the plots in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }
}
