using Conformance.Harness.Peers;
using Conformance.Harness.Scenarios.Wire;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// Where a server's traffic is captured: inside its container's network namespace, or on the host interface
/// holding its address (peers on the host network, and our own SCP in this process).
/// </summary>
public sealed record CaptureSite(Topology Topology, string? ContainerId, string? HostAddress, int ServerPort)
{
    public static CaptureSite ForPeer(StartedPeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer.Placement.OnHostNetwork
            ? new CaptureSite(peer.Topology, null, peer.Placement.Address.ToString(), peer.Port)
            : new CaptureSite(peer.Topology, peer.Container.Id, null, peer.Port);
    }

    public static CaptureSite OnHost(Topology topology, string address, int port) => new(topology, null, address, port);

    public Task<WireCapture> StartAsync(CancellationToken cancellationToken) => ContainerId is not null
        ? WireCapture.InContainerAsync(Topology, ContainerId, ServerPort, cancellationToken)
        : WireCapture.OnHostAsync(Topology, HostAddress!, ServerPort, cancellationToken);
}
