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

        return await BenchmarkCommand.RunAsync(
            "topology", args, TopologyOptions.Parse, o => o.OutputDirectory,
            async (options, ct) =>
            {
                var report = await new TopologyRunner(options, Console.Error.WriteLine).RunAsync(ct).ConfigureAwait(false);
                report.CommandLine = BenchmarkCommand.CommandLine("topology", args);
                return report;
            },
            TopologyMarkdown.Render, TopologyJson.Render, TopologyPlot.Write).ConfigureAwait(false);
    }

    private static async Task WriteAsync(TopologyReport report, string directory)
    {
        await File.WriteAllTextAsync(Path.Combine(directory, "topology.md"), TopologyMarkdown.Render(report)).ConfigureAwait(false);
        TopologyPlot.Write(report, directory);
    }
}
