using Conformance.Harness.Images;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// Where the C-MOVE sub-operations go, one per C-MOVE SCU: movescu's own storage SCP and gdcmscu's, each in a
/// toolbox container placed in the topology, and our SCP (discarding what it receives) in this process. The
/// sub-operations are timed by a capture at the destination's port.
/// </summary>
public sealed class MoveDestinations : IAsyncDisposable
{
    public const string MovescuAe = "MOVESCU";
    public const string GdcmscuAe = "GDCMSCU";
    public const string OursAe = "OURDEST";

    private MoveDestinations(Topology topology, Toolbox movescu, Toolbox gdcmscu, DicomServer ours)
    {
        Topology = topology;
        Movescu = movescu;
        Gdcmscu = gdcmscu;
        Ours = ours;
    }

    public Topology Topology { get; }

    public Toolbox Movescu { get; }

    public Toolbox Gdcmscu { get; }

    public DicomServer Ours { get; }

    /// <summary>Each destination as a C-MOVE SCP must know it: AE title, the address peers dial, port.</summary>
    public IReadOnlyList<MoveDestination> All =>
    [
        new(MovescuAe, Movescu.AddressForPeers, Movescu.Port),
        new(GdcmscuAe, Gdcmscu.AddressForPeers, Gdcmscu.Port),
        new(OursAe, Topology.OurAddressForPeers, Ours.Port),
    ];

    public static async Task<MoveDestinations> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var movescu = await new ToolboxBuilder().WithAeTitle(MovescuAe).StartAsync(topology, cancellationToken).ConfigureAwait(false);
        var gdcmscu = await new ToolboxBuilder().WithFamily(PeerFamily.Gdcm).WithAeTitle(GdcmscuAe).StartAsync(topology, cancellationToken).ConfigureAwait(false);
        var ours = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = OursAe,
            BindAddress = topology.OurListenAddress,
            Storage = new DiscardInstanceStorage(),
        }, cancellationToken).ConfigureAwait(false);
        return new MoveDestinations(topology, movescu, gdcmscu, ours);
    }

    /// <summary>Where a destination's incoming sub-associations are captured.</summary>
    public CaptureSite SiteOf(MoveScuKind scu) => scu switch
    {
        MoveScuKind.Movescu => CaptureSite.ForPeer(Movescu),
        MoveScuKind.Gdcmscu => CaptureSite.ForPeer(Gdcmscu),
        _ => CaptureSite.OnHost(Topology, Ours.Port),
    };

    /// <summary>The destination's own log, for the evidence (our SCP logs nothing here).</summary>
    public Func<Task<string>>? LogOf(MoveScuKind scu) => scu switch
    {
        MoveScuKind.Movescu => Movescu.GetLogAsync,
        MoveScuKind.Gdcmscu => Gdcmscu.GetLogAsync,
        _ => null,
    };

    public async ValueTask DisposeAsync()
    {
        await Ours.DisposeAsync().ConfigureAwait(false);
        await Gdcmscu.DisposeAsync().ConfigureAwait(false);
        await Movescu.DisposeAsync().ConfigureAwait(false);
    }
}
