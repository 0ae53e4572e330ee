using Conformance.Scp.Storage;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// Runs every configuration in one process on one machine: rounds of the throughput configurations
/// (one repetition of each per round, so slow drifts of a noisy machine hit all of them alike), then
/// rounds of the stall configurations against a default storescp, then the latency series.
/// </summary>
public sealed class ThroughputRunner(ThroughputOptions options, Action<string> progress)
{
    private readonly RunFrame _frame = new(progress);

    public Task<ThroughputReport> RunAsync(CancellationToken ct) => _frame.RunAsync(options.WorkDirectory, async machine =>
    {
        var count = Math.Max(options.Images, options.StallImages);
        Log($"making {count} CT images (512x512x16, explicit VR LE) in memory and as files under {options.WorkDirectory}");
        var series = TestSeries.Create(count, Path.Combine(options.WorkDirectory, "series"));
        Log($"one data set is {series.DatasetLength} bytes; a transfer of {options.Images} moves {series.DatasetBytes(options.Images) / 1e6:F0} MB");
        var scenarios = new TransferScenarios(series, options.WorkDirectory);

        Log("warm-up (JIT, page cache): 50 images through each path, not recorded");
        await WarmUpAsync(scenarios, Math.Min(50, options.Images), ct).ConfigureAwait(false);

        var throughput = ThroughputConfigurations(scenarios);
        await RunRoundsAsync(throughput, options.Repeats, options.Images, ct).ConfigureAwait(false);
        var stall = StallConfigurations(scenarios);
        await RunRoundsAsync(stall, options.StallRepeats, options.StallImages, ct).ConfigureAwait(false);

        Log("latency: C-ECHO round trips and association open+release");
        var latency = await new LatencyScenarios(options, options.WorkDirectory, Log).RunAsync(ct).ConfigureAwait(false);
        return new ThroughputReport(machine, options, series.DatasetLength, [.. throughput.Select(c => c.Result), .. stall.Select(c => c.Result)], latency);
    });

    private static List<Configuration> ThroughputConfigurations(TransferScenarios s) =>
    [
        new("raw-tcp", "Raw TCP, our two sockets on loopback (baseline)", (n, ct) => s.RawTcpAsync(n, ct)),
        new("ours-ours-discard", "our SCU (memory) -> our SCP (discard)", (n, ct) => s.OursToOursAsync(n, () => new DiscardInstanceStorage(), false, ct)),
        new("ours-dataset-discard", "our SCU (DicomDataset, encoded per send) -> our SCP (discard)", (n, ct) => s.OursToOursAsync(n, () => new DiscardInstanceStorage(), encodePerSend: true, ct)),
        new("ours-ours-memory", "our SCU (memory) -> our SCP (memory storage + index)", (n, ct) => s.OursToOursAsync(n, () => new MemoryInstanceStorage(), false, ct)),
        new("ours-storescp", "our SCU (files) -> storescp -od, TCP_NODELAY=1", (n, ct) => s.OursToStoreScpAsync(n, true, ConnectionOptions.Default, ct)),
        new("storescu-storescp", "storescu -> storescp -od, both TCP_NODELAY=1", (n, ct) => s.StoreScuToStoreScpAsync(n, true, true, ct)),
        new("storescu-ourscp", "storescu (TCP_NODELAY=1) -> our SCP (disk, not durable)", (n, ct) => s.StoreScuToOurScpAsync(n, discard: false, ct)),
        new("storescu-storescp-ignore", "storescu -> storescp --ignore (receive, store nothing), both TCP_NODELAY=1", (n, ct) => s.StoreScuToStoreScpAsync(n, true, true, ct, ignore: true)),
        new("storescu-ourscp-discard", "storescu (TCP_NODELAY=1) -> our SCP (discard)", (n, ct) => s.StoreScuToOurScpAsync(n, discard: true, ct)),
    ];

    private static List<Configuration> StallConfigurations(TransferScenarios s) =>
    [
        new("stall-ours-default-storescp", "our SCU (files) -> storescp, DCMTK defaults (Nagle on)", (n, ct) => s.OursToStoreScpAsync(n, false, ConnectionOptions.Default, ct), "stall"),
        new("stall-storescu-default-storescp", "storescu -> storescp, both DCMTK defaults", (n, ct) => s.StoreScuToStoreScpAsync(n, false, false, ct), "stall"),
        new("stall-pathological-default-storescp", "our SCU, pathological mode -> storescp, DCMTK defaults", (n, ct) => s.OursToStoreScpAsync(n, false, ConnectionOptions.Pathological, ct), "stall"),
    ];

    private static async Task WarmUpAsync(TransferScenarios s, int images, CancellationToken ct)
    {
        await s.RawTcpAsync(images, ct).ConfigureAwait(false);
        await s.OursToOursAsync(images, () => new DiscardInstanceStorage(), false, ct).ConfigureAwait(false);
        await s.OursToStoreScpAsync(images, true, ConnectionOptions.Default, ct).ConfigureAwait(false);
        await s.StoreScuToOurScpAsync(images, discard: false, ct).ConfigureAwait(false);
    }

    private async Task RunRoundsAsync(List<Configuration> configurations, int rounds, int images, CancellationToken ct)
    {
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var configuration in configurations)
            {
                var run = await configuration.Run(images, ct).ConfigureAwait(false);
                configuration.Result.Runs.Add(run);
                var perImage = run.PerImageMs.Count > 0 ? $", receiver p50 {new Samples(run.PerImageMs).Median:F2} ms" : "";
                Log($"round {round}/{rounds} {configuration.Result.Title}: {run.Seconds:F2} s, {run.MegabytesPerSecond:F0} MB/s, {run.MillisecondsPerImage:F2} ms/image{perImage}");
            }
        }
    }

    private void Log(string message) => _frame.Log(message);

    private sealed class Configuration(string id, string title, Func<int, CancellationToken, Task<RunResult>> run, string group = "throughput")
    {
        public ConfigurationResult Result { get; } = new(id, title, group);

        public Func<int, CancellationToken, Task<RunResult>> Run { get; } = run;
    }
}
