using System.Diagnostics;
using System.Globalization;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Harness.HostPeers;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Throughput;

/// <summary>A list of timings in milliseconds with how they were taken.</summary>
public sealed record LatencySeries(string Id, string Title, string Method, IReadOnlyList<double> Milliseconds)
{
    public Samples Samples => new(Milliseconds);
}

/// <summary>
/// C-ECHO round trips and association set-up, ours against DCMTK's tools, all to storescp. Where a
/// DCMTK tool can only be timed as a whole process, the same storescp's stamped log lines give the
/// figures seen from the SCP's side for both SCUs alike (echo to echo; association received to release).
/// </summary>
public sealed class LatencyScenarios(ThroughputOptions options, string workDirectory, Action<string> progress)
{
    private const int WarmUp = 20;

    public async Task<IReadOnlyList<LatencySeries>> RunAsync(CancellationToken ct)
    {
        var results = new List<LatencySeries>();
        await using (var scp = await StoreScpProcess.StartAsync(Path.Combine(workDirectory, "echo-nodelay"), noDelay: true, ct).ConfigureAwait(false))
        {
            results.AddRange(await OurEchoesAsync(scp, options.Echoes, "storescp (TCP_NODELAY=1)", "nodelay", null, ct).ConfigureAwait(false));
            results.Add(await EchoScuEchoesAsync(scp, options.Echoes, noDelay: true, "storescp (TCP_NODELAY=1)", "nodelay", ct).ConfigureAwait(false));
            results.AddRange(await OurEchoesAsync(scp, options.Echoes, "storescp (TCP_NODELAY=1), QuickAck off", "noquickack", ConnectionOptions.Default with { QuickAck = false }, ct).ConfigureAwait(false));
            results.Add(await OpenReleaseAsync(scp, ct).ConfigureAwait(false));
            results.AddRange(await OpenEchoReleaseAsync(scp, ct).ConfigureAwait(false));
            results.AddRange(await EchoScuProcessesAsync(scp, ct).ConfigureAwait(false));
        }

        await using (var scp = await StoreScpProcess.StartAsync(Path.Combine(workDirectory, "echo-default"), noDelay: false, ct).ConfigureAwait(false))
        {
            var echoes = Math.Min(options.Echoes, 100);
            results.AddRange(await OurEchoesAsync(scp, echoes, "storescp (DCMTK defaults, Nagle on)", "default", null, ct).ConfigureAwait(false));
            results.Add(await EchoScuEchoesAsync(scp, echoes, noDelay: false, "storescp (both DCMTK defaults)", "default", ct).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<IReadOnlyList<LatencySeries>> OurEchoesAsync(StoreScpProcess scp, int echoes, string peer, string suffix, ConnectionOptions? connection, CancellationToken ct)
    {
        progress($"C-ECHO, our SCU -> {peer}: {echoes} echoes on one association");
        var request = AssociationRequest.ForVerification("127.0.0.1", scp.Port, StoreScpProcess.AeTitle, "OURSCU");
        var association = await DicomAssociation.ConnectAsync(request, connection ?? ConnectionOptions.Default, ct).ConfigureAwait(false);
        var times = new List<double>(echoes);
        await using (association.ConfigureAwait(false))
        {
            for (var i = 0; i < echoes + WarmUp; i++)
            {
                if (i == WarmUp)
                {
                    scp.ResetStamps();
                }

                var (status, roundTrip) = await VerificationScu.EchoAsync(association, (ushort)(i + 1), ct).ConfigureAwait(false);
                if (status != 0)
                {
                    throw new InvalidOperationException($"C-ECHO status 0x{status:X4} from {peer}");
                }

                if (i >= WarmUp)
                {
                    times.Add(roundTrip.TotalMilliseconds);
                }
            }

            await association.ReleaseAsync(ct).ConfigureAwait(false);
        }

        await scp.WaitForAsync(StoreScpProcess.EchoRequest, echoes, ct).ConfigureAwait(false);
        return
        [
            new LatencySeries($"echo-ours-{suffix}", $"C-ECHO round trip, our SCU -> {peer}", $"in process, request written -> response read; {echoes} echoes after {WarmUp} warm-up, one association", times),
            new LatencySeries($"echo-ours-{suffix}-seen", $"C-ECHO cycle seen by storescp, our SCU -> {peer}", "gap between consecutive 'Received Echo Request' lines of storescp -v, same echoes", RunResult.Gaps(scp.Stamps(StoreScpProcess.EchoRequest))),
        ];
    }

    private async Task<LatencySeries> EchoScuEchoesAsync(StoreScpProcess scp, int echoes, bool noDelay, string peer, string suffix, CancellationToken ct)
    {
        var tool = noDelay ? "echoscu (TCP_NODELAY=1)" : "echoscu";
        progress($"C-ECHO, {tool} -> {peer}: one run with --repeat {echoes + 1}");
        scp.ResetStamps();
        await DcmtkEnvironment.RunAsync("echoscu", EchoScuArguments(scp, echoes + 1), noDelay, ct).ConfigureAwait(false);
        await scp.WaitForAsync(StoreScpProcess.EchoRequest, echoes + 1, ct).ConfigureAwait(false);
        return new LatencySeries($"echo-echoscu-{suffix}-seen", $"C-ECHO cycle seen by storescp, {tool} -> {peer}",
            $"gap between consecutive 'Received Echo Request' lines of storescp -v; echoscu --repeat {echoes + 1}, one association", RunResult.Gaps(scp.Stamps(StoreScpProcess.EchoRequest)));
    }

    private async Task<LatencySeries> OpenReleaseAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"association open+release, our SCU -> storescp: {options.Associations} times");
        var request = AssociationRequest.ForVerification("127.0.0.1", scp.Port, StoreScpProcess.AeTitle, "OURSCU");
        var times = new List<double>(options.Associations);
        for (var i = 0; i < options.Associations + WarmUp; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, ct).ConfigureAwait(false);
            await using (association.ConfigureAwait(false))
            {
                await association.ReleaseAsync(ct).ConfigureAwait(false);
            }

            if (i >= WarmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new LatencySeries("assoc-ours", "Association open+release, our SCU -> storescp (TCP_NODELAY=1)",
            $"in process: TCP connect, A-ASSOCIATE-RQ/AC, A-RELEASE-RQ/RP, close; {options.Associations} after {WarmUp} warm-up", times);
    }

    private async Task<IReadOnlyList<LatencySeries>> OpenEchoReleaseAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"open+echo+release (DicomScu.EchoAsync) -> storescp: {options.Associations} times");
        var scu = new DicomScu(OurScu.Options(scp.Port, StoreScpProcess.AeTitle));
        var times = new List<double>(options.Associations);
        for (var i = 0; i < options.Associations + WarmUp; i++)
        {
            if (i == WarmUp)
            {
                await scp.WaitForAsync(StoreScpProcess.AssociationRelease, WarmUp, ct).ConfigureAwait(false);
                scp.ResetStamps();
            }

            var started = Stopwatch.GetTimestamp();
            await scu.EchoAsync(ct).ConfigureAwait(false);
            if (i >= WarmUp)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return
        [
            new LatencySeries("assoc-echo-ours", "Open + C-ECHO + release, our SCU (DicomScu.EchoAsync) -> storescp (TCP_NODELAY=1)",
                $"in process, {options.Associations} after {WarmUp} warm-up", times),
            await SeenAssociationsAsync(scp, options.Associations, "assoc-echo-ours-seen", "Open + C-ECHO + release seen by storescp, our SCU", ct).ConfigureAwait(false),
        ];
    }

    private async Task<IReadOnlyList<LatencySeries>> EchoScuProcessesAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"echoscu whole-process runs -> storescp: {options.ProcessRuns} x (--version; open + one echo + release)");
        var version = new List<double>();
        var once = new List<double>();
        scp.ResetStamps();
        for (var i = 0; i < options.ProcessRuns; i++)
        {
            version.Add(await DcmtkEnvironment.RunAsync("echoscu", ["--version"], true, ct).ConfigureAwait(false) * 1000);
            once.Add(await DcmtkEnvironment.RunAsync("echoscu", EchoScuArguments(scp, 1), true, ct).ConfigureAwait(false) * 1000);
        }

        return
        [
            await SeenAssociationsAsync(scp, options.ProcessRuns, "assoc-echo-echoscu-seen", "Open + C-ECHO + release seen by storescp, echoscu (TCP_NODELAY=1)", ct).ConfigureAwait(false),
            new LatencySeries("process-echoscu", "echoscu (TCP_NODELAY=1): open + C-ECHO + release -> storescp, whole process", $"process start to exit, {options.ProcessRuns} runs", once),
            new LatencySeries("process-echoscu-version", "echoscu --version (process start and exit, no network)", $"process start to exit, {options.ProcessRuns} runs", version),
        ];
    }

    /// <summary>Per association: storescp's 'Association Received' line to its 'Association Release' line (associations run one after another).</summary>
    private static async Task<LatencySeries> SeenAssociationsAsync(StoreScpProcess scp, int count, string id, string title, CancellationToken ct)
    {
        await scp.WaitForAsync(StoreScpProcess.AssociationRelease, count, ct).ConfigureAwait(false);
        var received = scp.Stamps(StoreScpProcess.AssociationReceived);
        var released = scp.Stamps(StoreScpProcess.AssociationRelease);
        var times = received.Zip(released, (r, e) => (e - r) * 1000.0 / Stopwatch.Frequency).ToList();
        return new LatencySeries(id, title, $"storescp -v lines 'Association Received' -> 'Association Release' (A-ASSOCIATE-RQ read to A-RELEASE-RQ read), {times.Count} associations", times);
    }

    private static string[] EchoScuArguments(StoreScpProcess scp, int repeat) =>
        ["-aet", "ECHOSCU", "-aec", StoreScpProcess.AeTitle, "--repeat", repeat.ToString(CultureInfo.InvariantCulture), "127.0.0.1", scp.Port.ToString(CultureInfo.InvariantCulture)];
}
