using Conformance.Benchmarks.Throughput;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp.Storage;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// Makes the data (CT and small objects, as files), warms up, then runs rounds: every transfer
/// configuration once, then the C-ECHO processes, so a slow minute of the machine hits all alike.
/// </summary>
public sealed class GoalsRunner(GoalsOptions options, CliBinary cli, IReadOnlyList<CliBinary> startup, Action<string> progress)
{
    private readonly RunFrame _frame = new(progress);

    public Task<GoalsReport> RunAsync(CancellationToken ct) => _frame.RunAsync(options.WorkDirectory, async machine =>
    {
        Log($"CLI for store/scp: {cli.Describe()}");
        Log($"making {options.Images} CT images and {options.Small} small objects under {options.WorkDirectory}");
        var series = TestSeries.Create(options.Images, Path.Combine(options.WorkDirectory, "ct"));
        var cts = new TransferSet("ct", Path.Combine(options.WorkDirectory, "ct"), series.Files);
        var smallDirectory = Path.Combine(options.WorkDirectory, "small");
        var small = new TransferSet("small", smallDirectory, SmallCtFiles.Write(options.Small, smallDirectory));
        Log($"CT: {cts.Count} files, {cts.Bytes / 1e6:F0} MB; small: {small.Count} files, {small.Bytes / 1e6:F1} MB");

        var processes = new WholeProcessScenarios(cli, options.WorkDirectory);
        var inProcess = new TransferScenarios(series, options.WorkDirectory);
        var configurations = Configurations(cts, small, options.DurableCount, series, processes, inProcess);
        var echo = new EchoStartup(startup, options.WorkDirectory);

        Log("warm-up, not recorded: in-process paths (JIT), one C-ECHO of each binary (page cache)");
        var warm = Math.Min(50, options.Images);
        await inProcess.RawTcpAsync(warm, ct).ConfigureAwait(false);
        await inProcess.OursToOursAsync(warm, () => new DiscardInstanceStorage(), false, ct).ConfigureAwait(false);
        await inProcess.OursToStoreScpAsync(warm, true, ConnectionOptions.Default, ct).ConfigureAwait(false);
        await echo.RunAsync(-1, 1, ct).ConfigureAwait(false);

        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var (measurement, run) in configurations)
            {
                var transfer = await run(ct).ConfigureAwait(false);
                measurement.Add(round, transfer.Seconds);
                measurement.Checked = transfer.Checked;
                Log($"round {round + 1}/{options.Rounds} {measurement.Title}: {transfer.Seconds:F3} s, {transfer.Seconds * 1000 / measurement.Items:F3} ms/object; {transfer.Checked}");
            }

            await echo.RunAsync(round, options.EchoRuns, ct).ConfigureAwait(false);
            Log($"round {round + 1}/{options.Rounds} C-ECHO processes: echoscu median {echo.EchoScu.RoundValue(round) * 1000:F1} ms; " +
                string.Join("; ", echo.Ours.Select(o => $"{o.Title.Split(':')[0]} {o.RoundValue(round) * 1000:F1} ms")));
        }

        List<Measurement> measurements = [.. configurations.Select(c => c.Measurement), echo.EchoScu, .. echo.Ours];
        return new GoalsReport(machine, options, cli, measurements, GoalCatalog.For(echo.Ours), cts.Bytes / cts.Count, small.Bytes / small.Count);
    });

    private static List<(Measurement Measurement, Func<CancellationToken, Task<Transfer>> Run)> Configurations(
        TransferSet cts, TransferSet small, int durableCount, TestSeries series, WholeProcessScenarios p, TransferScenarios i)
    {
        var n = cts.Count;
        var durableCts = cts.Take(durableCount);
        var durableSmall = small.Take(durableCount);
        var datasetBytes = series.DatasetBytes(n);
        static async Task<Transfer> InProcess(Task<RunResult> run) =>
            new((await run.ConfigureAwait(false)).Seconds, "receiver reported every image");
        return
        [
            (new("ct-storescu-storescp", "storescu -> storescp -od, both TCP_NODELAY=1", "ct", n, cts.Bytes), c => p.StoreScuToStoreScpAsync(cts, c)),
            (new("ct-storescu-ourscp", "storescu -> `conformance scp --storage DIR` (SQLite index on disk, not durable)", "ct", n, cts.Bytes), c => p.StoreScuToOurScpAsync(cts, false, c)),
            (new("ct-storescu-ourscp-durable", $"storescu -> `conformance scp --storage DIR --durable`, first {durableCts.Count} images", "ct", durableCts.Count, durableCts.Bytes), c => p.StoreScuToOurScpAsync(durableCts, true, c)),
            (new("small-storescu-storescp", "storescu -> storescp -od, both TCP_NODELAY=1", "small", small.Count, small.Bytes), c => p.StoreScuToStoreScpAsync(small, c)),
            (new("small-storescu-ourscp", "storescu -> `conformance scp --storage DIR` (not durable)", "small", small.Count, small.Bytes), c => p.StoreScuToOurScpAsync(small, false, c)),
            (new("small-storescu-ourscp-durable", $"storescu -> `conformance scp --storage DIR --durable`, first {durableSmall.Count} objects", "small", durableSmall.Count, durableSmall.Bytes), c => p.StoreScuToOurScpAsync(durableSmall, true, c)),
            (new("inproc-raw-tcp", "raw TCP, two sockets in one process (1 MB writes)", "raw", n, datasetBytes), c => InProcess(i.RawTcpAsync(n, c))),
            (new("inproc-ours-discard", "our SCU (memory) -> our SCP (discard), in one process", "raw", n, datasetBytes), c => InProcess(i.OursToOursAsync(n, () => new DiscardInstanceStorage(), false, c))),
            (new("process-raw-tcp", "raw TCP, two processes (`goals raw-send DIR` -> `goals raw-receive`)", "raw", n, cts.Bytes), c => p.RawProcessesAsync(cts, c)),
            (new("process-store-discard", "`conformance store DIR` -> `conformance scp --storage discard`", "raw", n, cts.Bytes), c => p.OurStoreToOurDiscardAsync(cts, c)),
            (new("inproc-storescu-storescp", "storescu -> storescp -v -od, both TCP_NODELAY=1 (the throughput runner's)", "nagle", n, cts.Bytes), c => InProcess(i.StoreScuToStoreScpAsync(n, true, true, c))),
            (new("inproc-ours-storescp-default", "our SCU (DicomScu, files, in this process) -> storescp -v -od with DCMTK defaults (Nagle on)", "nagle", n, cts.Bytes), c => InProcess(i.OursToStoreScpAsync(n, false, ConnectionOptions.Default, c))),
            (new("process-store-storescp-default", "`conformance store DIR` -> storescp -od with DCMTK defaults (Nagle on)", "nagle", n, cts.Bytes), c => p.OurStoreToStoreScpAsync(cts, false, c)),
            (new("process-store-storescp", "`conformance store DIR` -> storescp -od, TCP_NODELAY=1", "nagle", n, cts.Bytes), c => p.OurStoreToStoreScpAsync(cts, true, c)),
        ];
    }

    private void Log(string message) => _frame.Log(message);
}
