using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks;

/// <summary>
/// What every measuring subcommand does around its run: parse the options (a bad one: message, exit code 2),
/// cancel on Ctrl+C, run, then write NAME.md and NAME.json into the output directory, print the tables and say where
/// everything went. With <c>--from FILE.json [--out DIR]</c> and a reader for it, it redraws NAME.md and the plots instead.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync<TOptions, TReport>(
        string name, string[] args, Func<IReadOnlyList<string>, TOptions> parse, Func<TOptions, string> outputDirectory,
        Func<TOptions, CancellationToken, Task<TReport>> run, Func<TReport, string> markdown, Func<TReport, string> json, Action<TReport, string> plots,
        Func<string, TReport>? recorded = null)
        where TReport : IBenchmarkReport
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(plots);
        if (recorded is not null && args.Length >= 2 && args[0] == "--from")
        {
            return await RedrawAsync(name, args, recorded, markdown, plots).ConfigureAwait(false);
        }

        TOptions options;
        try
        {
            options = parse(args);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        using var cancel = CancelOnCtrlC();
        var report = await run(options, cancel.Token).ConfigureAwait(false);
        report.CommandLine = $"dotnet run -c Release --project tests/Perf/Benchmarks -- {name} " + string.Join(' ', args);
        var directory = outputDirectory(options);
        Directory.CreateDirectory(directory);
        var tables = Path.Combine(directory, name + ".md");
        await File.WriteAllTextAsync(tables, markdown(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".json"), json(report)).ConfigureAwait(false);
        plots(report, directory);
        Console.WriteLine(await File.ReadAllTextAsync(tables).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {tables}, {name}.json and the plots in {directory}").ConfigureAwait(false);
        return 0;
    }

    /// <summary>A token that Ctrl+C cancels (instead of killing the process, so work directories are cleaned up).</summary>
    public static CancellationTokenSource CancelOnCtrlC()
    {
        var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        return cancel;
    }

    /// <summary><c>--from FILE.json [--out DIR]</c>: redraws into DIR, by default the recorded file's own folder.</summary>
    private static async Task<int> RedrawAsync<TReport>(string name, string[] args, Func<string, TReport> recorded, Func<TReport, string> markdown, Action<TReport, string> plots)
    {
        var report = recorded(args[1]);
        var directory = args.Length >= 4 && args[2] == "--out" ? args[3] : Path.GetDirectoryName(Path.GetFullPath(args[1]))!;
        await File.WriteAllTextAsync(Path.Combine(directory, name + ".md"), markdown(report)).ConfigureAwait(false);
        plots(report, directory);
        await Console.Error.WriteLineAsync($"redrew {name}.md and the plots in {directory} from {args[1]}").ConfigureAwait(false);
        return 0;
    }
}
