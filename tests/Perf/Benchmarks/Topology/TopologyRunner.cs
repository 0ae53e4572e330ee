using Conformance.Benchmarks.Throughput;
using Conformance.Harness.Scenarios;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// Starts the harness and every topology asked for (each measures its link at start, as in the budget tests),
/// then runs interleaved rounds: each round runs every configuration once on every topology, so a slow minute of
/// this shared machine hits all of them alike. Each run checks that storescp stored every image.
/// </summary>
public sealed class TopologyRunner(TopologyOptions options, Action<string> progress)
{
    private readonly RunFrame _frame = new(progress);

    public Task<TopologyReport> RunAsync(CancellationToken ct) => _frame.RunAsync(options.WorkDirectory, async machine =>
    {
        var series = TestSeries.Create(options.Images, Path.Combine(options.WorkDirectory, "series"));
        Log($"{options.Images} CT images (512x512x16, explicit VR LE) of {series.DatasetLength} bytes each, as files under {options.WorkDirectory}");
        var session = await HarnessSession.StartAsync(Log, ct).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var benches = new List<TopologyTransfers>();
            foreach (var spec in options.Specs())
            {
                var topology = await session.Topologies.GetAsync(spec, ct).ConfigureAwait(false);
                benches.Add(new TopologyTransfers(topology, series, options.WorkDirectory));
            }

            var warmUp = Math.Min(50, options.Images);
            Log($"warm-up (JIT, page cache) on {benches[0].Topology}: storescu and our SCU, {warmUp} images each, not recorded");
            foreach (var configuration in TopologyConfiguration.All.Where(c => c.Id is TopologyConfiguration.Reference or TopologyConfiguration.OursNoDelay))
            {
                await configuration.Run(benches[0], warmUp, ct).ConfigureAwait(false);
            }

            var wall = benches.ToDictionary(b => b, _ => NewResults());
            var seen = benches.ToDictionary(b => b, _ => NewResults());
            for (var round = 1; round <= options.Rounds; round++)
            {
                foreach (var bench in benches)
                {
                    await RunRoundAsync(bench, wall[bench], seen[bench], round, ct).ConfigureAwait(false);
                }
            }

            return new TopologyReport(machine, options, series.DatasetLength,
                [.. benches.Select(b => new TopologyResult(b.Topology.Spec.Name, TopologyResult.PlacementOf(b.Topology.Spec.Kind), b.StoreScpEndpoint, wall[b], seen[b], b.Links))])
            {
                PeerImage = benches[0].StoreScpImage,
            };
        }
    });

    private async Task RunRoundAsync(TopologyTransfers bench, List<ConfigurationResult> wall, List<ConfigurationResult> seen, int round, CancellationToken ct)
    {
        for (var i = 0; i < TopologyConfiguration.All.Count; i++)
        {
            var configuration = TopologyConfiguration.All[i];
            var run = await configuration.Run(bench, options.Images, ct).ConfigureAwait(false);
            wall[i].Runs.Add(run.Wall);
            if (run.Seen is { } scpSide)
            {
                seen[i].Runs.Add(scpSide);
            }

            var seenText = run.Seen is { } s ? $"; storescp saw {s.Seconds:F2} s, {s.MillisecondsPerImage:F2} ms/image" : "";
            Log($"round {round}/{options.Rounds} {bench.Topology} {configuration.Title}: {run.Wall.Seconds:F2} s, {run.Wall.MillisecondsPerImage:F2} ms/image, {run.Wall.MegabytesPerSecond:F0} MB/s{seenText}");
        }
    }

    private static List<ConfigurationResult> NewResults() => [.. TopologyConfiguration.All.Select(c => new ConfigurationResult(c.Id, c.Title, "topology"))];

    private void Log(string message) => _frame.Log(message);
}
