using Conformance.Harness.Images;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Evidence;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>
/// What a topology's cases share for a whole run, each started at first need: toolboxes (DCMTK, GDCM),
/// one storescp per configuration, dcmqrscp and Orthanc loaded with the query corpus and knowing the C-MOVE
/// destinations (our SCP, a storescp), a packet capture of the topology, and the reference pair.
/// </summary>
public sealed class TopologyStage : IAsyncDisposable
{
    public const string QrScpAe = "QRSCP";
    public const string RestrictedQrScpAe = "QRLIMITED";
    public const string OrthancAe = "ORTHANC";

    private readonly SharedPeers _peers = new();
    private readonly Func<CancellationToken, Task<MatrixCorpus>> _corpus;

    public TopologyStage(Topology topology, string root, Func<CancellationToken, Task<MatrixCorpus>> corpus, Action<string> log)
    {
        Topology = topology;
        Root = root;
        _corpus = corpus;
        Log = log;
        Reference = new ReferencePair(this);
        System.IO.Directory.CreateDirectory(WorkRoot);
    }

    public Topology Topology { get; }

    /// <summary>This topology's folder: peers' output folders and the cases' work folders (bound at /data/work in toolboxes).</summary>
    public string Root { get; }

    public string WorkRoot => Path.Combine(Root, "work");

    public Action<string> Log { get; }

    public ReferencePair Reference { get; }

    public Task<MatrixCorpus> CorpusAsync(CancellationToken cancellationToken) => _corpus(cancellationToken);

    public Task<Toolbox> ToolboxAsync(PeerFamily family, CancellationToken cancellationToken) =>
        _peers.GetAsync("toolbox-" + family.Name, async () =>
        {
            var corpus = await CorpusAsync(cancellationToken).ConfigureAwait(false);
            return await new ToolboxBuilder().WithFamily(family).WithInputDirectory(corpus.Root).WithWorkDirectory(WorkRoot)
                .StartAsync(Topology, cancellationToken).ConfigureAwait(false);
        });

    public Task<StoreScpPeer> StoreScpAsync(StoreScpSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return _peers.GetAsync("storescp-" + setup.Key, () =>
        {
            var output = System.IO.Directory.CreateDirectory(Path.Combine(Root, "storescp-" + setup.Key.Replace('+', '_'))).FullName;
            return new DcmtkStoreScpBuilder().WithAeTitle(setup.AeTitle).WithOptions(setup.Options).WithArguments([.. setup.AllArguments])
                .WithOutputDirectory(output).StartAsync(Topology, cancellationToken);
        });
    }

    public Task<OurDestination> OurDestinationAsync(CancellationToken cancellationToken) =>
        _peers.GetAsync("our-destination", () => OurDestination.StartAsync(Topology, Path.Combine(Root, "our-destination"), cancellationToken));

    /// <summary>dcmqrscp with the query corpus (one file of the fragile patient removed) and both C-MOVE destinations.</summary>
    public Task<QrScpPeer> QrScpAsync(CancellationToken cancellationToken) =>
        _peers.GetAsync("dcmqrscp", async () =>
        {
            var ours = await OurDestinationAsync(cancellationToken).ConfigureAwait(false);
            var store = await StoreScpAsync(StoreScpSetup.Destination, cancellationToken).ConfigureAwait(false);
            var corpus = await CorpusAsync(cancellationToken).ConfigureAwait(false);
            var qrscp = await new DcmqrscpBuilder().WithAeTitle(QrScpAe).WithRestrictedAeTitle(RestrictedQrScpAe).WithArguments("+B")
                .WithMoveDestination(OurDestination.AeTitle, Topology.OurAddressForPeers, ours.Port)
                .WithMoveDestination(store.AeTitle, store.AddressForPeers, store.Port)
                .StartAsync(Topology, cancellationToken).ConfigureAwait(false);
            var toolbox = await ToolboxAsync(PeerFamily.Dcmtk, cancellationToken).ConfigureAwait(false);
            var load = await toolbox.RunAsync(
                ScuCommands.StoreScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, corpus.Query.Files.Select(corpus.InContainer), "LOADER"), cancellationToken).ConfigureAwait(false);
            if (!load.Succeeded)
            {
                await qrscp.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"loading dcmqrscp failed: {load.Output}");
            }

            if (!await qrscp.RemoveStoredFileAsync(FragileUid(corpus), cancellationToken).ConfigureAwait(false))
            {
                await qrscp.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"could not remove the fragile object {FragileUid(corpus)} from dcmqrscp's storage area");
            }

            return qrscp;
        });

    /// <summary>Orthanc with the query corpus, knowing both C-MOVE destinations as modalities.</summary>
    public Task<OrthancPeer> OrthancAsync(CancellationToken cancellationToken) =>
        _peers.GetAsync("orthanc", async () =>
        {
            var ours = await OurDestinationAsync(cancellationToken).ConfigureAwait(false);
            var store = await StoreScpAsync(StoreScpSetup.Destination, cancellationToken).ConfigureAwait(false);
            var corpus = await CorpusAsync(cancellationToken).ConfigureAwait(false);
            var orthanc = await new OrthancBuilder().WithAeTitle(OrthancAe).StartAsync(Topology, cancellationToken).ConfigureAwait(false);
            await orthanc.DefineModalityAsync("ourdest", OurDestination.AeTitle, Topology.OurAddressForPeers, ours.Port, cancellationToken).ConfigureAwait(false);
            await orthanc.DefineModalityAsync("storedest", store.AeTitle, store.AddressForPeers, store.Port, cancellationToken).ConfigureAwait(false);
            foreach (var file in corpus.Query.Files)
            {
                await orthanc.UploadAsync(file, cancellationToken).ConfigureAwait(false);
            }

            return orthanc;
        });

    public Task<TopologyCapture> CaptureAsync(CancellationToken cancellationToken) =>
        _peers.GetAsync("capture", () => TopologyCapture.StartAsync(Topology, cancellationToken));

    /// <summary>The fragile patient's object whose file the archives lose on purpose (the failed sub-operation).</summary>
    public static string FragileUid(MatrixCorpus corpus)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return FragileUid(corpus.Query);
    }

    public static string FragileUid(QueryCorpus corpusOf)
    {
        ArgumentNullException.ThrowIfNull(corpusOf);
        return corpusOf.OfPatient(QueryCorpus.FragilePatient).Select(i => i["SOPInstanceUID"]).Order(StringComparer.Ordinal).First();
    }

    public ValueTask DisposeAsync() => _peers.DisposeAsync();
}
