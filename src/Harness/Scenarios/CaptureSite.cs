using Conformance.Harness.Peers;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// Where a server's traffic is captured: inside its container's network namespace, or in the host's (peers on
/// the host network, and our own SCP in this process).
/// </summary>
public sealed record CaptureSite(Topology Topology, string? ContainerId, int ServerPort)
{
    public static CaptureSite ForPeer(StartedPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return new CaptureSite(peer.Topology, peer.Placement.OnHostNetwork ? null : peer.Container.Id, peer.Port);
    }

    public static CaptureSite OnHost(Topology topology, int port) => new(topology, null, port);

    public Task<WireCapture> StartAsync(CancellationToken cancellationToken) => ContainerId is not null
        ? WireCapture.InContainerAsync(Topology, ContainerId, ServerPort, cancellationToken)
        : WireCapture.OnHostAsync(Topology, ServerPort, cancellationToken);
}
