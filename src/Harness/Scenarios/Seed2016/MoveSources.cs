using System.Globalization;
using System.Net;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Topologies;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>Where a C-MOVE SCU finds a C-MOVE SCP: its AE title, the address other containers dial, and the endpoint this process dials.</summary>
public sealed record MoveSource(MoveScpKind Kind, string AeTitle, string AddressForPeers, int Port, DnsEndPoint OurSide);

/// <summary>
/// The C-MOVE SCPs of one run, started with the run's DCMTK knobs (dcmqrscp; Orthanc, which links DCMTK) or as
/// ours (in this process, in memory), each knowing the three destinations, each loaded with the study before
/// any C-MOVE (DCMTK storescu with TCP_NODELAY=1, our SCU for ours; not timed).
/// </summary>
public sealed class MoveSources : IAsyncDisposable
{
    private MoveSources(Topology topology, StartedPeer dcmqrscp, OrthancPeer orthanc, DicomServer ours)
    {
        Topology = topology;
        Dcmqrscp = dcmqrscp;
        Orthanc = orthanc;
        Ours = ours;
    }

    public Topology Topology { get; }

    public StartedPeer Dcmqrscp { get; }

    public OrthancPeer Orthanc { get; }

    public DicomServer Ours { get; }

    public static async Task<MoveSources> StartAsync(Topology topology, FixSetting setting, IReadOnlyList<MoveDestination> destinations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(setting);
        ArgumentNullException.ThrowIfNull(destinations);
        var knobs = setting.Dcmtk with { LogLevel = DcmtkLogLevel.Verbose };
        var qr = destinations.Aggregate(new DcmqrscpBuilder().WithOptions(knobs), (b, d) => b.WithMoveDestination(d.AeTitle, d.Host, d.Port));
        var dcmqrscp = await qr.StartAsync(topology, cancellationToken).ConfigureAwait(false);
        var orthanc = await new OrthancBuilder().WithAeTitle("ORTHANC").WithEnvironment(knobs.Environment()).StartAsync(topology, cancellationToken).ConfigureAwait(false);
        foreach (var destination in destinations)
        {
            await orthanc.DefineModalityAsync(destination.AeTitle.ToLowerInvariant(), destination.AeTitle, destination.Host, destination.Port, cancellationToken).ConfigureAwait(false);
        }

        var ours = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = "OURQR",
            BindAddress = topology.OurListenAddress,
            Storage = new MemoryInstanceStorage(),
            MoveDestinations = destinations,
        }, cancellationToken).ConfigureAwait(false);
        return new MoveSources(topology, dcmqrscp, orthanc, ours);
    }

    public MoveSource this[MoveScpKind kind] => kind switch
    {
        MoveScpKind.Dcmqrscp => new(kind, Dcmqrscp.AeTitle, Dcmqrscp.AddressForPeers, Dcmqrscp.Port, Dcmqrscp.OurSideEndpoint),
        MoveScpKind.Orthanc => new(kind, Orthanc.AeTitle, Orthanc.AddressForPeers, Orthanc.Port, Orthanc.OurSideEndpoint),
        _ => new(kind, Ours.Options.AeTitle, Topology.OurAddressForPeers, Ours.Port, new DnsEndPoint(Topology.OurListenAddress.ToString(), Ours.Port)),
    };

    /// <summary>Stores the files into every source; a refused or failed store ends the run with its message.</summary>
    public async Task LoadAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var noDelay = new DcmtkOptions { TcpNoDelay = true, LogLevel = DcmtkLogLevel.Quiet };
        foreach (var peer in new StartedPeer[] { Dcmqrscp, Orthanc })
        {
            var endpoint = peer.OurSideEndpoint;
            await HostDcmtkTool.RunAsync("storescu", ["-aec", peer.AeTitle, endpoint.Host, endpoint.Port.ToString(CultureInfo.InvariantCulture), .. files], noDelay, cancellationToken)
                .ConfigureAwait(false);
        }

        var ours = this[MoveScpKind.Ours].OurSide;
        var scu = new DicomScu(new DicomScuOptions { Host = ours.Host, Port = ours.Port, CalledAe = Ours.Options.AeTitle });
        var stored = await scu.StoreFilesAsync(files, null, cancellationToken).ConfigureAwait(false);
        if (!stored.AllSucceeded)
        {
            throw new InvalidOperationException($"loading our SCP: {stored.Failed} of {files.Count} C-STOREs failed");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Ours.DisposeAsync().ConfigureAwait(false);
        await Orthanc.DisposeAsync().ConfigureAwait(false);
        await Dcmqrscp.DisposeAsync().ConfigureAwait(false);
    }
}
