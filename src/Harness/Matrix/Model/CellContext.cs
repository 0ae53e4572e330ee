using System.Net;
using Conformance.Harness.Matrix.Corpus;
using Conformance.Harness.Matrix.Stage;
using Conformance.Harness.Peers;
using Conformance.Harness.Setup;
using Conformance.Harness.Sut;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Matrix.Model;

/// <summary>
/// Everything one running case may use: its topology's shared peers, the SUT, the corpus, a fresh work
/// folder (visible in toolboxes under /data/work), and a record of the peers and SUT SCPs it touched (their
/// logs become its evidence if it fails). Disposing stops the SCPs it started and deletes its folder.
/// </summary>
public sealed class CellContext : IAsyncDisposable
{
    private readonly List<StartedPeer> _touched = [];
    private readonly List<ISutScp> _scps = [];
    private readonly List<string> _notes = [];
    private readonly List<IAsyncDisposable> _owned = [];

    internal CellContext(MatrixCase matrixCase, TopologyStage stage, ISystemUnderTest sut, MatrixCorpus corpus, HarnessEnvironment environment, string workDirectory)
    {
        Case = matrixCase;
        Stage = stage;
        Sut = sut;
        Corpus = corpus;
        Environment = environment;
        WorkDirectory = Directory.CreateDirectory(workDirectory).FullName;
    }

    public MatrixCase Case { get; }

    public TopologyStage Stage { get; }

    public Topology Topology => Stage.Topology;

    public ISystemUnderTest Sut { get; }

    public MatrixCorpus Corpus { get; }

    public HarnessEnvironment Environment { get; }

    public string WorkDirectory { get; }

    public IReadOnlyList<StartedPeer> Touched => _touched;

    public IReadOnlyList<ISutScp> Scps => _scps;

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>Records a peer this case talks to (its log is evidence if the case fails); returns it.</summary>
    public T Touch<T>(T peer)
        where T : StartedPeer
    {
        if (!_touched.Contains(peer))
        {
            _touched.Add(peer);
        }

        return peer;
    }

    public void Note(string line) => _notes.Add(line);

    /// <summary>Something the case started (a helper SCP, a tap) that must stop when the case ends.</summary>
    public void Own(IAsyncDisposable disposable) => _owned.Add(disposable);

    /// <summary>A new folder under the case's work folder.</summary>
    public string Folder(string name) => Directory.CreateDirectory(Path.Combine(WorkDirectory, name)).FullName;

    /// <summary>Where a toolbox container sees a host path of the corpus or of this case's work folder.</summary>
    public string InContainer(string hostPath)
    {
        var full = Path.GetFullPath(hostPath);
        if (full.StartsWith(Path.GetFullPath(Corpus.Root), StringComparison.Ordinal))
        {
            return Corpus.InContainer(full);
        }

        var root = Path.GetFullPath(Stage.WorkRoot);
        return full.StartsWith(root, StringComparison.Ordinal)
            ? "/data/work/" + Path.GetRelativePath(root, full).Replace('\\', '/')
            : throw new InvalidOperationException($"{hostPath} is neither in the corpus nor in a work folder: no container sees it");
    }

    /// <summary>The SUT's SCU aimed at a peer's service (as our side reaches it).</summary>
    public ScuCall CallTo(StartedPeer peer, string? calledAe = null, string callingAe = "SUTSCU")
    {
        ArgumentNullException.ThrowIfNull(peer);
        Touch(peer);
        var endpoint = peer.OurSideEndpoint;
        return new ScuCall { Host = endpoint.Host, Port = endpoint.Port, CalledAe = calledAe ?? peer.AeTitle, CallingAe = callingAe, WorkDirectory = WorkDirectory };
    }

    /// <summary>Starts the SUT as an SCP where peers of this topology reach our side; stopped when the case ends.</summary>
    public async Task<ISutScp> StartScpAsync(SutScpKind kind, CancellationToken cancellationToken, Func<SutScpRequest, SutScpRequest>? configure = null)
    {
        var request = new SutScpRequest { AeTitle = "SUTSCP", ListenAddress = Topology.OurListenAddress, WorkDirectory = Folder("scp"), Kind = kind };
        var scp = await Sut.StartScpAsync(configure is null ? request : configure(request), cancellationToken).ConfigureAwait(false);
        _scps.Add(scp);
        return scp;
    }

    /// <summary>Where peers dial the SUT's SCP.</summary>
    public string AddressForPeers(ISutScp scp)
    {
        ArgumentNullException.ThrowIfNull(scp);
        return scp.Host ?? Topology.OurAddressForPeers;
    }

    /// <summary>Where this process dials the SUT's SCP (loading it, scripted peers).</summary>
    public string AddressFromHere(ISutScp scp)
    {
        ArgumentNullException.ThrowIfNull(scp);
        var listen = Topology.OurListenAddress;
        return scp.Host ?? (listen.Equals(IPAddress.Any) ? "127.0.0.1" : listen.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in _owned.Concat(_scps))
        {
            await disposable.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A forked peer may still hold a file for a moment; the run's folder is removed at its end.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
