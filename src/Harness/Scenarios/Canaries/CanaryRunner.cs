using System.Collections.Concurrent;
using System.Globalization;
using Conformance.Budgets;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Canaries;

/// <summary>
/// Runs the canaries' exchanges on one started topology, each under a capture at the receiving storescp:
/// DCMTK storescu on this host with chosen knobs, our SCU with chosen socket behaviour, C-ECHOs against a
/// storescp that looks up host names. The reference pair (storescu -> storescp, both TCP_NODELAY=1) is
/// measured once per runner and every exchange is judged against it and the topology's link.
/// </summary>
public sealed class CanaryRunner(Topology topology, ScenarioImages images, string evidenceRoot, Action<string> log)
{
    public const string ReferenceName = "dcmtk-nodelay-reference";
    private static readonly DcmtkOptions NoDelay = new() { TcpNoDelay = true, LogLevel = DcmtkLogLevel.Verbose };
    private readonly ConcurrentDictionary<string, Lazy<Task<ExchangeMeasurement>>> measured = new();

    public Topology Topology { get; } = topology;

    public ScenarioImages Images { get; } = images;

    /// <summary>An exchange measured once per runner (the reference, a twin shared by two canaries).</summary>
    public Task<ExchangeMeasurement> OnceAsync(string name, Func<CancellationToken, Task<ExchangeMeasurement>> measure, CancellationToken cancellationToken) =>
        measured.GetOrAdd(name, _ => new Lazy<Task<ExchangeMeasurement>>(() => measure(cancellationToken))).Value;

    public Task<ExchangeMeasurement> ReferenceAsync(CancellationToken cancellationToken) =>
        OnceAsync(ReferenceName, ct => DcmtkStoreAsync(ReferenceName, NoDelay, Images.Files.Count, ct), cancellationToken);

    /// <summary>Judges an exchange against the reference pair and the link (docs/budgets.md).</summary>
    public async Task<BudgetVerdict> JudgeAsync(ExchangeMeasurement exchange, string operationName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var reference = await ReferenceAsync(cancellationToken).ConfigureAwait(false);
        var verdict = OperationBudget.Evaluate(exchange.ToBudgetInput(reference, Topology.Measurement, Images.BytesPerImage, operationName));
        log($"{Topology.Spec.Name} {exchange.Name}: {verdict.Kind} {verdict.Signature}: {verdict.Message}");
        return verdict;
    }

    /// <summary>storescu on this host -> a storescp container, both with <paramref name="options"/>.</summary>
    public async Task<ExchangeMeasurement> DcmtkStoreAsync(string name, DcmtkOptions options, int imageCount, CancellationToken cancellationToken)
    {
        var files = Images.Take(imageCount);
        var scp = await new DcmtkStoreScpBuilder().WithOptions(options with { LogLevel = DcmtkLogLevel.Verbose }).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var endpoint = scp.OurSideEndpoint;
            return await MeasureAsync(name, scp, ct => HostDcmtkTool.RunAsync(
                "storescu", ["-aec", scp.AeTitle, endpoint.Host, endpoint.Port.ToString(CultureInfo.InvariantCulture), .. files], options with { LogLevel = DcmtkLogLevel.Quiet }, ct),
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Our SCU with <paramref name="connection"/> -> a storescp container with TCP_NODELAY=1 (so that only our side can stall).</summary>
    public async Task<ExchangeMeasurement> OurStoreAsync(string name, ConnectionOptions connection, CancellationToken cancellationToken)
    {
        var scp = await new DcmtkStoreScpBuilder().WithOptions(NoDelay).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var endpoint = scp.OurSideEndpoint;
            var scu = new DicomScu(new DicomScuOptions { Host = endpoint.Host, Port = endpoint.Port, CalledAe = scp.AeTitle, Connection = connection });
            return await MeasureAsync(name, scp, async ct =>
            {
                var result = await scu.StoreFilesAsync(Images.Files, null, ct).ConfigureAwait(false);
                if (!result.AllSucceeded)
                {
                    throw new InvalidOperationException($"{name}: {result.Failed} of {result.Outcomes.Count} C-STOREs failed: {result.Outcomes.First(o => !o.Succeeded)}");
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One C-ECHO per association, <paramref name="associations"/> times, from our SCU to a storescp that does (or does not) look up our host name.</summary>
    public async Task<ExchangeMeasurement> LookupEchoesAsync(string name, bool hostLookup, int associations, CancellationToken cancellationToken)
    {
        var scp = await new LookupStoreScpBuilder().WithHostLookup(hostLookup).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var endpoint = scp.OurSideEndpoint;
            var scu = new DicomScu(new DicomScuOptions { Host = endpoint.Host, Port = endpoint.Port, CalledAe = scp.AeTitle });
            return await MeasureAsync(name, scp, async ct =>
            {
                for (var i = 0; i < associations; i++)
                {
                    var echo = await scu.EchoAsync(ct).ConfigureAwait(false);
                    if (!echo.Status.IsSuccess)
                    {
                        throw new InvalidOperationException($"{name}: C-ECHO {i + 1} answered {echo.Status}");
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<ExchangeMeasurement> MeasureAsync(string name, StartedPeer scp, Func<CancellationToken, Task> exchange, CancellationToken cancellationToken) =>
        WireExchange.MeasureAsync(name, CaptureSite.ForPeer(scp), WireEnd.Client, Path.Combine(evidenceRoot, Topology.Spec.Name, name), exchange, scp.GetLogAsync, cancellationToken);
}
