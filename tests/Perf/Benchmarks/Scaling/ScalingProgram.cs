namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// <c>scaling [--max-count N] [--max-size 1GB] [--max-concurrency N] [--rounds N] [--smoke] [--out DIR]</c>: the three
/// sweeps, progress on stderr, scaling.md, scaling.json and the PNG plots into the output directory.
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

        ScalingOptions options;
        try
        {
            options = ScalingOptions.Parse(args);
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
        var report = await new ScalingRunner(options, Console.Error.WriteLine).RunAsync(cancel.Token).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- scaling " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = Path.Combine(options.OutputDirectory, "scaling.md");
        await File.WriteAllTextAsync(markdown, ScalingMarkdown.Render(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "scaling.json"), ScalingJson.Render(report)).ConfigureAwait(false);
        ScalingPlots.Write(report, options.OutputDirectory);
        Console.WriteLine(await File.ReadAllTextAsync(markdown).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {markdown}, scaling.json and the plots in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }
}
