namespace Conformance.Benchmarks;

/// <summary>
/// What every measuring subcommand does around its run: parse the options (a bad one: message, exit code 2),
/// cancel on Ctrl+C, run, then write NAME.md and NAME.json into the output directory, print the tables and say where
/// everything went.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync<TOptions, TReport>(
        string name, string[] args, Func<IReadOnlyList<string>, TOptions> parse, Func<TOptions, string> outputDirectory,
        Func<TOptions, CancellationToken, Task<TReport>> run, Func<TReport, string> markdown, Func<TReport, string> json, Action<TReport, string> plots)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(outputDirectory);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(plots);
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

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = await run(options, cancel.Token).ConfigureAwait(false);
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

    /// <summary><c>--from FILE.json [--out DIR]</c>: the folder to redraw into, by default the recorded file's own.</summary>
    public static string RedrawDirectory(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count >= 4 && args[2] == "--out" ? args[3] : Path.GetDirectoryName(Path.GetFullPath(args[1]))!;
    }

    /// <summary>The command line as it is given in the reports.</summary>
    public static string CommandLine(string name, string[] args) => $"dotnet run -c Release --project tests/Perf/Benchmarks -- {name} " + string.Join(' ', args);
}
