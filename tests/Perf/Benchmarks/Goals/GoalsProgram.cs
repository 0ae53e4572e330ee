namespace Conformance.Benchmarks.Goals;

/// <summary>
/// <c>goals [--images 1000] [--small 10000] [--rounds 3] [--cli PATH] [--startup LABEL=PATH[;VAR=VALUE]]... [--out DIR]</c>:
/// issue 8's speed goals as ratios in one run; writes goals.md, goals.json and goals.png into the output
/// directory. <c>goals raw-send|raw-receive ...</c> are the two ends of the whole-process raw TCP baseline.
/// </summary>
public static class GoalsProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        if (RawTcpTool.Handles(args))
        {
            return await RawTcpTool.RunAsync(args, cancel.Token).ConfigureAwait(false);
        }

        GoalsOptions options;
        CliBinary cli;
        try
        {
            options = GoalsOptions.Parse(args);
            cli = options.Cli is { } path ? CliBinary.FromPath(path) : CliBinary.Default();
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var startup = options.Startup.Count > 0 ? options.Startup : [cli];
        var report = await new GoalsRunner(options, cli, startup, Console.Error.WriteLine).RunAsync(cancel.Token).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- goals " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = Path.Combine(options.OutputDirectory, "goals.md");
        await File.WriteAllTextAsync(markdown, GoalsMarkdown.Render(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "goals.json"), GoalsJson.Render(report)).ConfigureAwait(false);
        GoalsPlot.Write(report, Path.Combine(options.OutputDirectory, "goals.png"));
        Console.WriteLine(await File.ReadAllTextAsync(markdown).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {markdown}, goals.json and goals.png in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }
}
