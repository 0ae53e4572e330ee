using System.Diagnostics;
using System.Globalization;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Benchmarks.Throughput;

/// <summary>A list of timings in milliseconds with how they were taken.</summary>
public sealed record LatencySeries(string Id, string Title, string Method, IReadOnlyList<double> Milliseconds)
{
    public Samples Samples => new(Milliseconds);
}

/// <summary>C-ECHO round trips and association open+release, ours against DCMTK's tools, all to storescp.</summary>
public sealed class LatencyScenarios(ThroughputOptions options, string workDirectory, Action<string> progress)
{
    public async Task<IReadOnlyList<LatencySeries>> RunAsync(CancellationToken ct)
    {
        var results = new List<LatencySeries>();
        await using (var scp = await StoreScpProcess.StartAsync(Path.Combine(workDirectory, "echo-nodelay"), noDelay: true, ct).ConfigureAwait(false))
        {
            results.Add(await EchoRoundTripsAsync(scp, options.Echoes, "echo-ours-storescp", "C-ECHO round trip, our SCU -> storescp (TCP_NODELAY=1)", ct).ConfigureAwait(false));
            results.Add(await OpenReleaseAsync(scp, ct).ConfigureAwait(false));
            results.Add(await OpenEchoReleaseAsync(scp, ct).ConfigureAwait(false));
            results.AddRange(await EchoScuProcessesAsync(scp, ct).ConfigureAwait(false));
        }

        await using (var scp = await StoreScpProcess.StartAsync(Path.Combine(workDirectory, "echo-default"), noDelay: false, ct).ConfigureAwait(false))
        {
            var echoes = Math.Min(options.Echoes, 200);
            results.Add(await EchoRoundTripsAsync(scp, echoes, "echo-ours-default-storescp", "C-ECHO round trip, our SCU -> storescp (DCMTK defaults, Nagle on)", ct).ConfigureAwait(false));
            results.Add(await EchoScuRepeatAsync(scp, noDelay: false, 20, "echo-echoscu-default-storescp", "C-ECHO round trip, echoscu -> storescp (both DCMTK defaults)", ct).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<LatencySeries> EchoRoundTripsAsync(StoreScpProcess scp, int echoes, string id, string title, CancellationToken ct)
    {
        progress($"{title}: {echoes} echoes on one association");
        var request = AssociationRequest.ForVerification("127.0.0.1", scp.Port, StoreScpProcess.AeTitle, "OURSCU");
        await using var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, ct).ConfigureAwait(false);
        var times = new List<double>(echoes);
        for (var i = 0; i < echoes + 20; i++)
        {
            var (status, roundTrip) = await VerificationScu.EchoAsync(association, (ushort)(i + 1), ct).ConfigureAwait(false);
            if (status != 0)
            {
                throw new InvalidOperationException($"C-ECHO status 0x{status:X4}");
            }

            if (i >= 20)
            {
                times.Add(roundTrip.TotalMilliseconds);
            }
        }

        await association.ReleaseAsync(ct).ConfigureAwait(false);
        return new LatencySeries(id, title, $"in process, request written -> response read, {echoes} echoes after 20 warm-up, one association", times);
    }

    private async Task<LatencySeries> OpenReleaseAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"association open+release, our SCU -> storescp: {options.Associations} times");
        var request = AssociationRequest.ForVerification("127.0.0.1", scp.Port, StoreScpProcess.AeTitle, "OURSCU");
        var times = new List<double>(options.Associations);
        for (var i = 0; i < options.Associations + 10; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, ct).ConfigureAwait(false);
            await using (association.ConfigureAwait(false))
            {
                await association.ReleaseAsync(ct).ConfigureAwait(false);
            }

            if (i >= 10)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new LatencySeries("assoc-ours", "Association open+release, our SCU -> storescp (TCP_NODELAY=1)",
            $"in process: TCP connect, A-ASSOCIATE-RQ/AC, A-RELEASE-RQ/RP, close; {options.Associations} after 10 warm-up", times);
    }

    private async Task<LatencySeries> OpenEchoReleaseAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"open+echo+release (DicomScu.EchoAsync) -> storescp: {options.Associations} times");
        var scu = new DicomScu(OurScu.Options(scp.Port, StoreScpProcess.AeTitle));
        var times = new List<double>(options.Associations);
        for (var i = 0; i < options.Associations + 10; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await scu.EchoAsync(ct).ConfigureAwait(false);
            if (i >= 10)
            {
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }

        return new LatencySeries("assoc-echo-ours", "Open + C-ECHO + release, our SCU (DicomScu.EchoAsync) -> storescp (TCP_NODELAY=1)",
            $"in process, {options.Associations} after 10 warm-up", times);
    }

    private async Task<IReadOnlyList<LatencySeries>> EchoScuProcessesAsync(StoreScpProcess scp, CancellationToken ct)
    {
        progress($"echoscu whole-process runs -> storescp: {options.ProcessRuns} x (--version, one echo)");
        var version = new List<double>();
        var once = new List<double>();
        for (var i = 0; i < options.ProcessRuns; i++)
        {
            version.Add(await DcmtkEnvironment.RunAsync("echoscu", ["--version"], true, ct).ConfigureAwait(false) * 1000);
            once.Add(await DcmtkEnvironment.RunAsync("echoscu", EchoScuArguments(scp, 1), true, ct).ConfigureAwait(false) * 1000);
        }

        return
        [
            new LatencySeries("process-echoscu-version", "echoscu --version (process start and exit, no network)", $"whole process, {options.ProcessRuns} runs", version),
            new LatencySeries("process-echoscu", "echoscu: open + C-ECHO + release -> storescp (TCP_NODELAY=1), whole process", $"whole process, {options.ProcessRuns} runs", once),
            await EchoScuRepeatAsync(scp, noDelay: true, 200, "echo-echoscu-storescp", "C-ECHO round trip, echoscu -> storescp (TCP_NODELAY=1)", ct).ConfigureAwait(false),
        ];
    }

    /// <summary>Mean round trip from whole-process runs: (time with --repeat 1+n minus time with --repeat 1) / n, per pair of runs.</summary>
    private async Task<LatencySeries> EchoScuRepeatAsync(StoreScpProcess scp, bool noDelay, int extra, string id, string title, CancellationToken ct)
    {
        var runs = noDelay ? options.ProcessRuns : Math.Min(options.ProcessRuns, 5);
        progress($"{title}: {runs} pairs of echoscu runs (--repeat 1 and --repeat {1 + extra})");
        var means = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var one = await DcmtkEnvironment.RunAsync("echoscu", EchoScuArguments(scp, 1), noDelay, ct).ConfigureAwait(false);
            var many = await DcmtkEnvironment.RunAsync("echoscu", EchoScuArguments(scp, 1 + extra), noDelay, ct).ConfigureAwait(false);
            means.Add((many - one) * 1000 / extra);
        }

        return new LatencySeries(id, title, $"whole process: (wall time with --repeat {1 + extra} minus with --repeat 1) / {extra}, {runs} pairs; each value is a mean, not one round trip", means);
    }

    private static string[] EchoScuArguments(StoreScpProcess scp, int repeat) =>
        ["-aet", "ECHOSCU", "-aec", StoreScpProcess.AeTitle, "--repeat", repeat.ToString(CultureInfo.InvariantCulture), "127.0.0.1", scp.Port.ToString(CultureInfo.InvariantCulture)];
}
