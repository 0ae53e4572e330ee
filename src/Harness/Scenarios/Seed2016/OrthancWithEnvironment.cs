using Conformance.Harness.HostPeers;
using Conformance.Harness.Images;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// Orthanc with DCMTK's knobs in its environment: Debian's Orthanc links the system DCMTK, whose network layer
/// reads TCP_NODELAY and TCP_BUFFER_LENGTH, so "with" and "without the fix" apply to it as to the DCMTK tools.
/// (<see cref="OrthancBuilder"/> has no environment; the configuration and the peer type are its.)
/// </summary>
internal static class OrthancWithEnvironment
{
    public static async Task<OrthancPeer> StartAsync(Topology topology, string aeTitle, DcmtkOptions options, CancellationToken cancellationToken)
    {
        var placement = topology.Allocate(OrthancBuilder.DefaultDicomPort);
        var httpPort = placement.OnHostNetwork ? LocalPorts.Free() : OrthancBuilder.DefaultHttpPort;
        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.Orthanc).Tag)
            .WithResourceMapping(OrthancConfiguration.Render(aeTitle, placement.Port, httpPort), "/etc/orthanc/orthanc.json")
            .WithEnvironment(options.Environment())
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(aeTitle, placement.Port)));
        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new OrthancPeer(container, topology, placement, aeTitle, httpPort);
    }
}
