using Conformance.Benchmarks.Throughput;

namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// <c>topology [--topologies same-host,bridged,cross-host] [--rounds N] [--images N] [--smoke] [--out DIR]</c>:
/// issue 8's per-topology speed goals, progress on stderr; writes topology.md, topology.json and topology.png.
/// <c>topology --from topology.json [--out DIR]</c> redraws the tables and the plot of a recorded run.
/// </summary>
public static class TopologyProgram
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--from")
        {
            var outDirectory = BenchmarkCommand.RedrawDirectory(args);
            await WriteAsync(TopologyRecorded.Read(args[1]), outDirectory).ConfigureAwait(false);
            await Console.Error.WriteLineAsync($"redrew topology.md and topology.png in {outDirectory} from {args[1]}").ConfigureAwait(false);
            return 0;
        }

        return await BenchmarkCommand.RunAsync(() => TopologyOptions.Parse(args), (options, ct) => MeasureAsync(options, args, ct)).ConfigureAwait(false);
    }

    private static async Task<int> MeasureAsync(TopologyOptions options, string[] args, CancellationToken ct)
    {
        var report = await new TopologyRunner(options, Console.Error.WriteLine).RunAsync(ct).ConfigureAwait(false);
        report.CommandLine = "dotnet run -c Release --project tests/Perf/Benchmarks -- topology " + string.Join(' ', args);
        Directory.CreateDirectory(options.OutputDirectory);
        await File.WriteAllTextAsync(Path.Combine(options.OutputDirectory, "topology.json"), TopologyJson.Render(report), ct).ConfigureAwait(false);
        await WriteAsync(report, options.OutputDirectory).ConfigureAwait(false);
        Console.WriteLine(TopologyMarkdown.Render(report));
        await Console.Error.WriteLineAsync($"wrote topology.md, topology.json and topology.png in {options.OutputDirectory}").ConfigureAwait(false);
        return 0;
    }

    private static async Task WriteAsync(TopologyReport report, string directory)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "topology.md"), TopologyMarkdown.Render(report)).ConfigureAwait(false);
        TopologyPlot.Write(report, directory);
    }
}
