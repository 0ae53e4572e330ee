using Conformance.Harness.HostPeers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>What the reference pair measured on one topology, and against which receiver.</summary>
public sealed record ReferenceMeasurement(ScuRun Run, StoreScpPeer Receiver, int Objects, string Description)
{
    public bool Valid => Run.Statuses.Count == Objects && Run.AllSucceeded && Run.Latencies.Count == Objects;
}

/// <summary>
/// The timing budgets' reference on one topology, measured once per run: DCMTK storescu (this host, the
/// DCMTK SUT's own command template) sending the timed MR series to a storescp container, both with
/// TCP_NODELAY=1 (docs/pathologies.md: the pair's best configuration). Cases whose latencies carry
/// <see cref="StoreKey"/> are judged against it.
/// </summary>
public sealed class ReferencePair(TopologyStage stage)
{
    public const string StoreKey = "c-store/mr-series";

    private readonly Lazy<Task<ReferenceMeasurement>> _measured = new(() => RunAsync(stage, CancellationToken.None));

    /// <summary>Runs the pair on first call (cases run one at a time); later calls get the same measurement.</summary>
    public Task<ReferenceMeasurement> MeasureAsync(CancellationToken cancellationToken) => _measured.Value.WaitAsync(cancellationToken);

    /// <summary>The reference latencies for a key, or null when there is none (or it did not run cleanly).</summary>
    public async Task<ReferenceMeasurement?> ForAsync(string? key, CancellationToken cancellationToken)
    {
        if (key != StoreKey)
        {
            return null;
        }

        var measured = await MeasureAsync(cancellationToken).ConfigureAwait(false);
        return measured.Valid ? measured : null;
    }

    private static async Task<ReferenceMeasurement> RunAsync(TopologyStage stage, CancellationToken cancellationToken)
    {
        var corpus = await stage.CorpusAsync(cancellationToken).ConfigureAwait(false);
        var receiver = await stage.StoreScpAsync(StoreScpSetup.NoDelay, cancellationToken).ConfigureAwait(false);
        receiver.ClearReceived();
        var work = Directory.CreateDirectory(Path.Combine(stage.WorkRoot, "reference")).FullName;
        var dcmtk = new ExternalSut(DcmtkSutConfig.Create(DcmtkEnvironment.Version("storescu")));
        var endpoint = receiver.OurSideEndpoint;
        var call = new ScuCall { Host = endpoint.Host, Port = endpoint.Port, CalledAe = receiver.AeTitle, CallingAe = "REFERENCE", WorkDirectory = work, NoDelay = true };
        var run = await dcmtk.Scu.StoreAsync(call, corpus.Series, cancellationToken).ConfigureAwait(false);
        var description = $"dcmtk storescu -> storescp, both TCP_NODELAY=1, {stage.Topology.Spec.Name}";
        stage.Log($"reference pair on {stage.Topology.Spec.Name}: {run.Describe()}");
        return new ReferenceMeasurement(run, receiver, corpus.Series.Count, description);
    }
}
