namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// <c>topology [--topologies same-host,bridged,cross-host] [--rounds N] [--images N] [--smoke] [--out DIR]</c>:
/// issue 8's per-topology speed goals, progress on stderr; writes topology.md, topology.json and topology.png.
/// <c>topology --from topology.json [--out DIR]</c> redraws the tables and the plot of a recorded run.
/// </summary>
public static class TopologyProgram
{
    public static Task<int> RunAsync(string[] args) => BenchmarkCommand.RunAsync(
        "topology", args, TopologyOptions.Parse, o => o.OutputDirectory,
        (options, ct) => new TopologyRunner(options, Console.Error.WriteLine).RunAsync(ct),
        TopologyMarkdown.Render, TopologyJson.Render, TopologyPlot.Write, TopologyRecorded.Read);
}
