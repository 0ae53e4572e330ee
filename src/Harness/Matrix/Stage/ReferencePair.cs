using System.Diagnostics;
using Conformance.Harness.HostPeers;
using Conformance.Harness.Images;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>What the reference pair measured on one topology: per-operation latencies, whether every object went through, and how it was measured.</summary>
public sealed record ReferenceMeasurement(IReadOnlyList<TimeSpan> Latencies, bool Valid, string Description, string Detail)
{
    /// <summary>The folder the reference's receiver stored into (for comparing what arrived).</summary>
    public required string ReceivedDirectory { get; init; }

    public Peers.StartedPeer? Peer { get; init; }
}

/// <summary>
/// The timing budgets' references on one topology, measured once per run with DCMTK on both ends and
/// TCP_NODELAY=1 (docs/pathologies.md: the pair's best configuration), through the DCMTK SUT's own adapter:
/// <see cref="StoreKey"/>: storescu on this host -> a storescp container, timed at the sender (as the SUT's
/// SCU cases are); <see cref="ScpStoreKey"/>: storescu in a toolbox -> storescp on this host, timed at the
/// receiver (as the SUT's SCP cases are). Cases whose latencies carry a key are judged against it.
/// </summary>
public sealed class ReferencePair(TopologyStage stage)
{
    public const string StoreKey = "c-store/mr-series";
    public const string ScpStoreKey = "c-store/mr-series/at-scp";

    private readonly Lazy<Task<ReferenceMeasurement>> _sender = new(() => SenderAsync(stage, CancellationToken.None));
    private readonly Lazy<Task<ReferenceMeasurement>> _receiver = new(() => ReceiverAsync(stage, CancellationToken.None));

    /// <summary>Runs a reference on first call (cases run one at a time); later calls get the same measurement.</summary>
    public Task<ReferenceMeasurement> MeasureAsync(string key, CancellationToken cancellationToken) => key switch
    {
        StoreKey => _sender.Value.WaitAsync(cancellationToken),
        ScpStoreKey => _receiver.Value.WaitAsync(cancellationToken),
        _ => throw new ArgumentException($"no reference for '{key}'", nameof(key)),
    };

    /// <summary>The reference for a key, or null when there is none (or it did not run cleanly).</summary>
    public async Task<ReferenceMeasurement?> ForAsync(string? key, CancellationToken cancellationToken)
    {
        if (key is not (StoreKey or ScpStoreKey))
        {
            return null;
        }

        var measured = await MeasureAsync(key, cancellationToken).ConfigureAwait(false);
        return measured.Valid ? measured : null;
    }

    private static ExternalSut Dcmtk() => new(DcmtkSutConfig.Create(DcmtkEnvironment.Version("storescu")));

    private static async Task<ReferenceMeasurement> SenderAsync(TopologyStage stage, CancellationToken cancellationToken)
    {
        var corpus = await stage.CorpusAsync(cancellationToken).ConfigureAwait(false);
        var receiver = await stage.StoreScpAsync(StoreScpSetup.NoDelay, cancellationToken).ConfigureAwait(false);
        receiver.ClearReceived();
        var work = Directory.CreateDirectory(Path.Combine(stage.WorkRoot, "reference-sender")).FullName;
        var endpoint = receiver.OurSideEndpoint;
        var call = new ScuCall { Host = endpoint.Host, Port = endpoint.Port, CalledAe = receiver.AeTitle, CallingAe = "REFERENCE", WorkDirectory = work, NoDelay = true };
        var run = await Dcmtk().Scu.StoreAsync(call, corpus.Series, cancellationToken).ConfigureAwait(false);
        stage.Log($"reference pair (sender) on {stage.Topology.Spec.Name}: {run.Describe()}");
        var valid = run.AllSucceeded && run.Statuses.Count == corpus.Series.Count && run.Latencies.Count == corpus.Series.Count;
        return new ReferenceMeasurement(run.Latencies, valid, $"dcmtk storescu -> storescp, both TCP_NODELAY=1, {stage.Topology.Spec.Name}", run.Describe())
        {
            ReceivedDirectory = receiver.OutputDirectory!,
            Peer = receiver,
        };
    }

    private static async Task<ReferenceMeasurement> ReceiverAsync(TopologyStage stage, CancellationToken cancellationToken)
    {
        var corpus = await stage.CorpusAsync(cancellationToken).ConfigureAwait(false);
        var toolbox = await stage.ToolboxAsync(PeerFamily.Dcmtk, cancellationToken).ConfigureAwait(false);
        var work = Directory.CreateDirectory(Path.Combine(stage.WorkRoot, "reference-receiver")).FullName;
        var request = new SutScpRequest { AeTitle = "REFSCP", ListenAddress = stage.Topology.OurListenAddress, WorkDirectory = work, Kind = SutScpKind.Storage, NoDelay = true };
        var scp = await Dcmtk().StartScpAsync(request, cancellationToken).ConfigureAwait(false);
        await using (scp.ConfigureAwait(false))
        {
            var files = corpus.Series.Select(corpus.InContainer);
            var started = Stopwatch.GetTimestamp();
            var command = ScuCommands.StoreScu(stage.Topology.OurAddressForPeers, scp.Port, scp.AeTitle, files, "REFERENCE", new Peers.Dcmtk.DcmtkOptions { TcpNoDelay = true, LogLevel = Peers.Dcmtk.DcmtkLogLevel.Verbose });
            var result = await toolbox.RunAsync(command, cancellationToken).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
            var latencies = StampIntervals.From(started, scp.StoredStamps);
            stage.Log($"reference pair (receiver) on {stage.Topology.Spec.Name}: {result}");
            var stored = scp.StoredFiles() ?? new Dictionary<string, string>();
            return new ReferenceMeasurement(latencies, result.Succeeded && latencies.Count == corpus.Series.Count, $"dcmtk storescu -> storescp, both TCP_NODELAY=1, timed at the receiver, {stage.Topology.Spec.Name}", result.Output)
            {
                ReceivedDirectory = Path.GetDirectoryName(stored.Values.FirstOrDefault() ?? work) ?? work,
            };
        }
    }
}
