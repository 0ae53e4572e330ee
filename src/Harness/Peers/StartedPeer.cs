using System.Net;
using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Peers;

/// <summary>
/// A running peer container in a topology: how our side reaches it, how other peers reach it, the
/// image it runs (with the tool versions from its labels), and its log. Disposing removes the container.
/// Typed peers (<c>StoreScpPeer</c>, <c>QrScpPeer</c>, <c>OrthancPeer</c>, <c>Toolbox</c>) add what their tool offers.
/// </summary>
public class StartedPeer(IContainer container, Topology topology, PeerPlacement placement, string aeTitle, PeerImage? image = null) : IAsyncDisposable
{
    protected StartedPeer(PeerStart start)
        : this(NotNull(start).Container, start.Topology, start.Placement, start.AeTitle, start.Image)
    {
    }

    public IContainer Container { get; } = container;

    public Topology Topology { get; } = topology;

    public PeerPlacement Placement { get; } = placement;

    /// <summary>The peer's AE title (its called AE for SCPs, calling AE for tools).</summary>
    public string AeTitle { get; } = aeTitle;

    /// <summary>The peer image, null for helper containers (iperf3).</summary>
    public PeerImage? Image { get; } = image;

    /// <summary>Where this process dials the peer's service port.</summary>
    public DnsEndPoint OurSideEndpoint => Topology.OurSideEndpoint(Container, Placement);

    /// <summary>Address other containers in the same topology dial.</summary>
    public string AddressForPeers => Placement.Address.ToString();

    public int Port => Placement.Port;

    /// <summary>stdout and stderr of the peer since it started (DCMTK logs go to stderr).</summary>
    public async Task<string> GetLogAsync()
    {
        var (stdout, stderr) = await Container.GetLogsAsync().ConfigureAwait(false);
        return stdout + stderr;
    }

    /// <summary>stdout and stderr of the peer since <paramref name="since"/> (UTC), for one case's evidence.</summary>
    public async Task<string> GetLogSinceAsync(DateTime since, CancellationToken cancellationToken)
    {
        var (stdout, stderr) = await Container.GetLogsAsync(since, ct: cancellationToken).ConfigureAwait(false);
        return stdout + stderr;
    }

    /// <summary>Removes the container (and its anonymous volumes) at once; a test peer needs no graceful stop.</summary>
    public async ValueTask DisposeAsync()
    {
        await Topology.RemoveAsync(Container).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    private static PeerStart NotNull(PeerStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return start;
    }
}
