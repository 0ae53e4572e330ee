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
            var outDirectory = args.Length >= 4 && args[2] == "--out" ? args[3] : Path.GetDirectoryName(Path.GetFullPath(args[1]))!;
            await File.WriteAllTextAsync(Path.Combine(outDirectory, "throughput.md"), ThroughputMarkdown.Render(recorded)).ConfigureAwait(false);
            ThroughputPlots.Write(recorded, outDirectory);
            await Console.Error.WriteLineAsync($"redrew throughput.md and the plots in {outDirectory} from {args[1]}").ConfigureAwait(false);
            return 0;
        }

        ThroughputOptions options;
        try
        {
            options = ThroughputOptions.Parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = await new ThroughputRunner(options, Console.Error.WriteLine).RunAsync(cancel.Token).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- throughput " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = Path.Combine(options.OutputDirectory, "throughput.md");
        await File.WriteAllTextAsync(markdown, ThroughputMarkdown.Render(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "throughput.json"), ThroughputJson.Render(report)).ConfigureAwait(false);
        ThroughputPlots.Write(report, options.OutputDirectory);
        Console.WriteLine(await File.ReadAllTextAsync(markdown).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {markdown}, throughput.json and the plots in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }
}
