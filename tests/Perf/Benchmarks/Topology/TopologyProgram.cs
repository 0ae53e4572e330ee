namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// <c>topology [--topologies same-host,bridged,cross-host] [--rounds N] [--images N] [--smoke] [--out DIR]</c>:
/// issue 8's per-topology speed goals, progress on stderr; writes topology.md, topology.json and topology.png.
/// </summary>
public static class TopologyProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        TopologyOptions options;
        try
        {
            options = TopologyOptions.Parse(args);
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
        var report = await new TopologyRunner(options, Console.Error.WriteLine).RunAsync(cancel.Token).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- topology " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        var markdown = Path.Combine(options.OutputDirectory, "topology.md");
        await File.WriteAllTextAsync(markdown, TopologyMarkdown.Render(report)).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "topology.json"), TopologyJson.Render(report)).ConfigureAwait(false);
        TopologyPlot.Write(report, options.OutputDirectory);
        Console.WriteLine(await File.ReadAllTextAsync(markdown).ConfigureAwait(false));
        await Console.Error.WriteLineAsync($"wrote {markdown}, topology.json and topology.png in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }
}
