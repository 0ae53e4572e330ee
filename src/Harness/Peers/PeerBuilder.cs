using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers;

/// <summary>What every peer builder hands to its typed peer: the started container and where it sits.</summary>
public sealed record PeerStart(DotNet.Testcontainers.Containers.IContainer Container, Topology Topology, PeerPlacement Placement, string AeTitle, PeerImage Image);

/// <summary>
/// The base of every peer module, in the style of Testcontainers' <c>ContainerBuilder&lt;TBuilder, TContainer&gt;</c>:
/// an immutable record (each <c>With*</c> returns a new builder, so one base builder is shared freely), one
/// start path (place in the topology, start, let the topology wire it, wait for readiness), and a typed
/// started peer. A module says only what differs: its image family, its service port, how it configures the
/// container, and which typed peer it returns.
/// </summary>
public abstract record PeerBuilder<TBuilder, TPeer>
    where TBuilder : PeerBuilder<TBuilder, TPeer>
    where TPeer : StartedPeer
{
    public string AeTitle { get; init; } = "";

    /// <summary>Environment variables added to what the module sets (e.g. DCMTK's TCP_NODELAY for a tool that links DCMTK).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public TBuilder WithAeTitle(string aeTitle) => (TBuilder)(this with { AeTitle = aeTitle });

    public TBuilder WithEnvironment(IReadOnlyDictionary<string, string> environment) =>
        (TBuilder)(this with { Environment = new Dictionary<string, string>(Environment.Concat(environment)) });

    public async Task<TPeer> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(ServicePort);
        var resolved = Resolve(placement);
        var image = topology.Environment.Image(resolved.ImageFamily());
        var builder = resolved.Configure(new ContainerBuilder(image.Tag), topology, placement).WithEnvironment(resolved.Environment);
        var container = await topology.StartPlacedAsync(topology.Place(builder, placement).Build(), placement, cancellationToken).ConfigureAwait(false);
        return resolved.Create(new PeerStart(container, topology, placement, AeTitle, image));
    }

    /// <summary>Settles what depends on the placement (e.g. a second free port on the host network) before the container is configured.</summary>
    protected virtual TBuilder Resolve(PeerPlacement placement) => (TBuilder)this;

    /// <summary>The port the peer's service listens on inside its container (same-host topologies pick a free host port instead).</summary>
    protected abstract int ServicePort { get; }

    protected abstract PeerFamily ImageFamily();

    /// <summary>Command, files, environment and readiness of the container at <paramref name="placement"/>.</summary>
    protected abstract ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement);

    protected abstract TPeer Create(PeerStart start);
}
