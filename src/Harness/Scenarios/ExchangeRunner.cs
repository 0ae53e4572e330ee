using System.Collections.Concurrent;
using System.Globalization;
using Conformance.Budgets;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.Transport;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// Runs timed C-STORE and C-ECHO exchanges on one started topology (the canaries' and the 2016 scenario's),
/// each under a capture at the receiving storescp: DCMTK storescu on this host with chosen knobs, our SCU with
/// chosen socket behaviour, C-ECHOs against a storescp that looks up host names. The reference pair
/// (storescu -> storescp, both TCP_NODELAY=1) is measured once per runner and every exchange is judged
/// against it and the topology's link.
/// </summary>
public sealed class ExchangeRunner(Topology topology, ScenarioImages images, string evidenceRoot, Action<string> log)
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

    /// <summary>
    /// Judges an exchange; a failure with no physics behind it (<see cref="BudgetVerdict.NeedsConfirmation"/>)
    /// is measured again, with a new reference just before it, and decided by <see cref="OperationBudget.Confirm"/>.
    /// </summary>
    public async Task<BudgetVerdict> JudgeConfirmedAsync(
        ExchangeMeasurement exchange, Func<string, CancellationToken, Task<ExchangeMeasurement>> measureAgain, string operationName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        ArgumentNullException.ThrowIfNull(measureAgain);
        var verdict = await JudgeAsync(exchange, operationName, cancellationToken).ConfigureAwait(false);
        if (!verdict.NeedsConfirmation)
        {
            return verdict;
        }

        log($"{Topology.Spec.Name} {exchange.Name}: failed without timer evidence; measuring it and the reference again");
        var reference = await DcmtkStoreAsync(ReferenceName + "-again", NoDelay, Images.Files.Count, cancellationToken).ConfigureAwait(false);
        var second = await measureAgain(exchange.Name + "-again", cancellationToken).ConfigureAwait(false);
        var again = OperationBudget.Evaluate(second.ToBudgetInput(reference, Topology.Measurement, Images.BytesPerImage, operationName));
        var confirmed = OperationBudget.Confirm(verdict, again);
        log($"{Topology.Spec.Name} {exchange.Name}: {confirmed.Kind} {confirmed.Signature} after a second measurement");
        return confirmed;
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

    /// <summary>
    /// storescu (TCP_NODELAY=1) in a toolbox placed in the topology -> our SCP in this process with
    /// <paramref name="connection"/>, discarding what it receives: our stack's socket behaviour on the side
    /// that answers, where a split response under Nagle waits for the caller's delayed ACK.
    /// </summary>
    public async Task<ExchangeMeasurement> OurScpStoreAsync(string name, ConnectionOptions connection, CancellationToken cancellationToken)
    {
        var scp = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "OURSCP",
            BindAddress = Topology.OurListenAddress,
            Storage = new DiscardInstanceStorage(),
            Connection = connection,
        }, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var toolbox = await new ToolboxBuilder().WithAeTitle("STORESCU").WithInputDirectory(Images.Directory).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
            await using (toolbox.ConfigureAwait(false))
            {
                var store = ScuCommands.StoreScu(Topology.OurAddressForPeers, scp.Port, "OURSCP", ["/data/in"], options: NoDelay with { LogLevel = DcmtkLogLevel.Quiet });
                return await WireExchange.MeasureAsync(name, CaptureSite.OnHost(Topology, scp.Port), WireEnd.Server, Path.Combine(evidenceRoot, Topology.Spec.Name, name), async ct =>
                {
                    var result = await toolbox.RunAsync(store, ct).ConfigureAwait(false);
                    if (!result.Succeeded || scp.StoredInstances != Images.Files.Count)
                    {
                        throw new InvalidOperationException($"{name}: our SCP took {scp.StoredInstances} of {Images.Files.Count} images; {result}: {result.Output}");
                    }
                }, null, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// C-ECHOs from our SCU to a storescp that does (or does not) look up our host name: <paramref name="associations"/>
    /// associations of <paramref name="echoes"/> C-ECHOs each, so a lookup costs each set-up once.
    /// </summary>
    public async Task<ExchangeMeasurement> LookupEchoesAsync(string name, bool hostLookup, int associations, int echoes, CancellationToken cancellationToken)
    {
        var scp = await new LookupStoreScpBuilder().WithHostLookup(hostLookup).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var endpoint = scp.OurSideEndpoint;
            var request = AssociationRequest.ForVerification(endpoint.Host, endpoint.Port, scp.AeTitle);
            return await MeasureAsync(name, scp, async ct =>
            {
                for (var a = 0; a < associations; a++)
                {
                    var association = await DicomAssociation.ConnectAsync(request, ConnectionOptions.Default, ct).ConfigureAwait(false);
                    await using (association.ConfigureAwait(false))
                    {
                        for (ushort e = 1; e <= echoes; e++)
                        {
                            var (status, _) = await VerificationScu.EchoAsync(association, e, ct).ConfigureAwait(false);
                            if (status != VerificationScp.Success)
                            {
                                throw new InvalidOperationException($"{name}: C-ECHO {e} on association {a + 1} answered 0x{status:X4}");
                            }
                        }

                        await association.ReleaseAsync(ct).ConfigureAwait(false);
                    }
                }
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task<ExchangeMeasurement> MeasureAsync(string name, StartedPeer scp, Func<CancellationToken, Task> exchange, CancellationToken cancellationToken) =>
        WireExchange.MeasureAsync(name, CaptureSite.ForPeer(scp), WireEnd.Client, Path.Combine(evidenceRoot, Topology.Spec.Name, name), exchange, scp.GetLogAsync, cancellationToken);
}
