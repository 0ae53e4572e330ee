using System.Diagnostics;
using System.Globalization;
using Conformance.Benchmarks.Throughput;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Topologies;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// One transfer of the series per call on one started topology, placed as the budget canaries place it
/// (<see cref="ExchangeRunner"/>): a fresh storescp container where the topology puts its peers, its received
/// files bound to a host folder and counted after the run; the sender on this host, storescu as a host process
/// and our SCU in this process, both dialling the endpoint the topology gives our side. So both SCUs cross
/// the same path to the same kind of storescp.
/// </summary>
public sealed class TopologyTransfers(Topology topology, TestSeries series, string workDirectory)
{
    private readonly List<LinkMeasurement> links = [];

    public Topology Topology => topology;

    /// <summary>Each raw TCP measurement taken so far (one per round).</summary>
    public IReadOnlyList<LinkMeasurement> Links => links;

    /// <summary>Where this process dialled storescp in the last run (e.g. 198.19.7.11:11112).</summary>
    public string StoreScpEndpoint { get; private set; } = "";

    /// <summary>The storescp container's image and the tool versions its labels record.</summary>
    public string StoreScpImage { get; private set; } = "";

    /// <summary>storescu on this host, whole process (start to exit, files read during the run).</summary>
    public Task<TopologyRun> StoreScuAsync(int images, DcmtkOptions storeScu, DcmtkOptions storeScp, CancellationToken ct) =>
        WithStoreScpAsync(images, storeScp, async (scp, c) =>
        {
            var endpoint = scp.OurSideEndpoint;
            string[] arguments = ["-aet", "STORESCU", "-aec", scp.AeTitle, endpoint.Host, endpoint.Port.ToString(CultureInfo.InvariantCulture), .. series.Files.Take(images)];
            var started = Stopwatch.GetTimestamp();
            await HostDcmtkTool.RunAsync("storescu", arguments, storeScu, c).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(started).TotalSeconds;
        }, ct);

    /// <summary>Our SCU in this process with its defaults, from the same files (first file read to release).</summary>
    public Task<TopologyRun> OurScuAsync(int images, DcmtkOptions storeScp, CancellationToken ct) =>
        WithStoreScpAsync(images, storeScp, (scp, c) =>
        {
            var endpoint = scp.OurSideEndpoint;
            return OurScu.StoreFilesAsync(OurScu.Options(endpoint.Port, scp.AeTitle) with { Host = endpoint.Host }, series.Files.Take(images), c);
        }, ct);

    /// <summary>
    /// The topology's raw TCP throughput as the budgets take it (<see cref="LinkMeasurer"/>: iperf3 server where a
    /// peer sits, client on this host, 2 s), turned into the time the same bytes need at that rate.
    /// </summary>
    public async Task<TopologyRun> RawTcpAsync(int images, CancellationToken ct)
    {
        var link = await LinkMeasurer.MeasureAsync(topology, ct).ConfigureAwait(false);
        links.Add(link);
        if (link.ThroughputMbit is not { } mbit)
        {
            throw new InvalidOperationException($"{topology}: the link measurement has no throughput ({link.Method})");
        }

        var bytes = series.DatasetBytes(images);
        return new TopologyRun(new RunResult(bytes * 8 / (mbit * 1e6), images, bytes, []), null);
    }

    /// <summary>The engine collects the container's stderr asynchronously: the last lines may arrive after the sender is done, so read until they are there (10 s at most).</summary>
    private static async Task<RunResult> SeenAsync(StoreScpPeer scp, int images, long bytes, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (stdout, stderr) = await scp.Container.GetLogsAsync(timestampsEnabled: true, ct: ct).ConfigureAwait(false);
            try
            {
                return StoreScpLog.Seen(stdout + stderr, images, bytes);
            }
            catch (InvalidDataException) when (attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), ct).ConfigureAwait(false);
            }
        }
    }

    private async Task<TopologyRun> WithStoreScpAsync(int images, DcmtkOptions options, Func<StoreScpPeer, CancellationToken, Task<double>> send, CancellationToken ct)
    {
        var output = Path.Combine(workDirectory, "storescp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var scp = await new DcmtkStoreScpBuilder().WithOptions(options).WithOutputDirectory(output).StartAsync(topology, ct).ConfigureAwait(false);
            await using (scp.ConfigureAwait(false))
            {
                StoreScpEndpoint = $"{scp.OurSideEndpoint.Host}:{scp.OurSideEndpoint.Port}";
                StoreScpImage = scp.Image is { } image ? $"{image.Tag} ({string.Join(", ", image.Versions.Select(v => $"{v.Key} {v.Value}"))})" : "";
                var seconds = await send(scp, ct).ConfigureAwait(false);
                var stored = scp.ReceivedFiles().Count;
                if (stored != images)
                {
                    var log = await scp.GetLogAsync().ConfigureAwait(false);
                    throw new InvalidOperationException($"{topology}: storescp stored {stored} of {images} images; its log ends:\n{(log.Length > 800 ? log[^800..] : log)}");
                }

                var bytes = series.DatasetBytes(images);
                return new TopologyRun(new RunResult(seconds, images, bytes, []), await SeenAsync(scp, images, bytes, ct).ConfigureAwait(false));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
