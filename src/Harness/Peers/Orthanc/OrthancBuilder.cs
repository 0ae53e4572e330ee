using Conformance.Harness.HostPeers;
using Conformance.Harness.Images;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>Immutable builder for an Orthanc peer (DICOM SCP and SCU, REST API); ready when it answers C-ECHO.</summary>
public sealed record OrthancBuilder
{
    public const int DefaultDicomPort = 4242;
    public const int DefaultHttpPort = 8042;

    public string AeTitle { get; init; } = "ORTHANC";

    public OrthancBuilder WithAeTitle(string aeTitle) => this with { AeTitle = aeTitle };

    public async Task<OrthancPeer> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(DefaultDicomPort);
        var httpPort = placement.OnHostNetwork ? LocalPorts.Free() : DefaultHttpPort;
        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.Orthanc).Tag)
            .WithResourceMapping(OrthancConfiguration.Render(AeTitle, placement.Port, httpPort), "/etc/orthanc/orthanc.json")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
        if (topology.Spec.Kind == TopologyKind.Remote)
        {
            builder = builder.WithPortBinding(httpPort, assignRandomHostPort: true);
        }

        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new OrthancPeer(container, topology, placement, AeTitle, httpPort);
    }
}
