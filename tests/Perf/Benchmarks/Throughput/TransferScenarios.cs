using Conformance.Scp.Storage;
using System.Globalization;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Harness.HostPeers;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>
/// One transfer of a series per call, for each configuration of the report. Every receiver is started
/// fresh for its run (outside the timed window) and its output deleted afterwards.
/// </summary>
public sealed class TransferScenarios(TestSeries series, string workDirectory)
{
    private static readonly string Localhost = "127.0.0.1";

    public Task<RunResult> RawTcpAsync(int images, CancellationToken ct) =>
        RawTcpBaseline.RunAsync(series.DatasetBytes(images), images, ct);

    /// <summary>Our SCU from memory (pre-encoded bytes, or data sets encoded per send) to our SCP with the given storage (discard or memory).</summary>
    public async Task<RunResult> OursToOursAsync(int images, Func<IInstanceStorage> storage, bool encodePerSend, CancellationToken ct)
    {
        await using var scp = await OurScp.StartAsync(storage(), ct).ConfigureAwait(false);
        IReadOnlyList<StoreItem> items = encodePerSend ? series.DatasetItems(images) : series.MemoryItems(images);
        var (seconds, _) = await OurScu.StoreAsync(OurScu.Options(scp.Port, OurScp.AeTitle), items, ct).ConfigureAwait(false);
        return Checked(new RunResult(seconds, images, series.DatasetBytes(images), RunResult.Gaps(scp.Stamps())), scp.Stamps().Count);
    }

    /// <summary>Our SCU from the Part 10 files (read during the run, as storescu does) to storescp.</summary>
    public async Task<RunResult> OursToStoreScpAsync(int images, bool storeScpNoDelay, ConnectionOptions connection, CancellationToken ct)
    {
        await using var scp = await StartStoreScpAsync(storeScpNoDelay, ct).ConfigureAwait(false);
        var seconds = await OurScu.StoreFilesAsync(OurScu.Options(scp.Port, StoreScpProcess.AeTitle, connection), series.Files.Take(images), ct).ConfigureAwait(false);
        return await FinishStoreScpRunAsync(scp, seconds, images, ct).ConfigureAwait(false);
    }

    /// <summary>DCMTK storescu (whole process, files given on the command line) to storescp.</summary>
    public async Task<RunResult> StoreScuToStoreScpAsync(int images, bool storeScuNoDelay, bool storeScpNoDelay, CancellationToken ct, bool ignore = false)
    {
        await using var scp = await StartStoreScpAsync(storeScpNoDelay, ct, ignore).ConfigureAwait(false);
        var seconds = await RunStoreScuAsync(scp.Port, StoreScpProcess.AeTitle, images, storeScuNoDelay, ct).ConfigureAwait(false);
        return await FinishStoreScpRunAsync(scp, seconds, images, ct, ignore ? 0 : images).ConfigureAwait(false);
    }

    /// <summary>DCMTK storescu (TCP_NODELAY=1) to our SCP storing on disk (not durable, index in memory), or discarding.</summary>
    public async Task<RunResult> StoreScuToOurScpAsync(int images, bool discard, CancellationToken ct)
    {
        var directory = Path.Combine(workDirectory, "ourscp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            IInstanceStorage storage = discard ? new DiscardInstanceStorage() : new DiskInstanceStorage(directory);
            await using var scp = await OurScp.StartAsync(storage, ct).ConfigureAwait(false);
            var seconds = await RunStoreScuAsync(scp.Port, OurScp.AeTitle, images, noDelay: true, ct).ConfigureAwait(false);
            return Checked(new RunResult(seconds, images, series.DatasetBytes(images), RunResult.Gaps(scp.Stamps())), scp.Stamps().Count);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<double> RunStoreScuAsync(int port, string calledAe, int images, bool noDelay, CancellationToken ct)
    {
        string[] arguments = ["-aet", "STORESCU", "-aec", calledAe, Localhost, port.ToString(CultureInfo.InvariantCulture), .. series.Files.Take(images)];
        return await DcmtkEnvironment.RunAsync("storescu", arguments, noDelay, ct).ConfigureAwait(false);
    }

    private Task<StoreScpProcess> StartStoreScpAsync(bool noDelay, CancellationToken ct, bool ignore = false) =>
        StoreScpProcess.StartAsync(Path.Combine(workDirectory, "storescp-" + Guid.NewGuid().ToString("N")), noDelay, ct, ignore);

    private async Task<RunResult> FinishStoreScpRunAsync(StoreScpProcess scp, double seconds, int images, CancellationToken ct, int? expectedFiles = null)
    {
        await scp.WaitForStoreRequestsAsync(images, ct).ConfigureAwait(false);
        var stamps = scp.StoreRequestStamps();
        var stored = Directory.EnumerateFiles(scp.OutputDirectory).Count();
        scp.ClearOutput();
        Directory.Delete(scp.OutputDirectory);
        if (stored != (expectedFiles ?? images))
        {
            throw new InvalidOperationException($"storescp stored {stored} files, expected {expectedFiles ?? images}; its last output:\n{scp.RecentOutput()}");
        }

        return Checked(new RunResult(seconds, images, series.DatasetBytes(images), RunResult.Gaps(stamps)), stamps.Count);
    }

    private static RunResult Checked(RunResult result, int received) =>
        received == result.Images
            ? result
            : throw new InvalidOperationException($"The receiver reported {received} of {result.Images} images.");
}
