namespace Conformance.Benchmarks.Throughput;

/// <summary>What the measuring subcommands do alike: options parsed or the problem printed (exit 2), Ctrl+C as cancellation, and where a redraw goes.</summary>
public static class BenchmarkCommand
{
    public static async Task<int> RunAsync<TOptions>(Func<TOptions> parse, Func<TOptions, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(run);
        TOptions options;
        try
        {
            options = parse();
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
        return await run(options, cancel.Token).ConfigureAwait(false);
    }

    /// <summary><c>--from FILE.json [--out DIR]</c>: the folder to redraw into, by default the recorded file's own.</summary>
    public static string RedrawDirectory(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Count >= 4 && args[2] == "--out" ? args[3] : Path.GetDirectoryName(Path.GetFullPath(args[1]))!;
    }
}
