using Conformance.Harness.HostPeers;
using Conformance.Harness.Images;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>Orthanc (DICOM SCP and SCU, REST API); ready when it answers C-ECHO. On the host network its REST port is a free host port.</summary>
public sealed record OrthancBuilder : PeerBuilder<OrthancBuilder, OrthancPeer>
{
    public const int DefaultDicomPort = 4242;
    public const int DefaultHttpPort = 8042;

    public OrthancBuilder() => AeTitle = "ORTHANC";

    /// <summary>The REST port inside the container; settled at start when null.</summary>
    public int? HttpPort { get; init; }

    protected override int ServicePort => DefaultDicomPort;

    protected override PeerFamily ImageFamily() => PeerFamily.Orthanc;

    protected override OrthancBuilder Resolve(PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return this with { HttpPort = HttpPort ?? (placement.OnHostNetwork ? LocalPorts.Free() : DefaultHttpPort) };
    }

    protected override ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(placement);
        var httpPort = HttpPort ?? DefaultHttpPort;
        builder = builder
            .WithResourceMapping(OrthancConfiguration.Render(AeTitle, placement.Port, httpPort), "/etc/orthanc/orthanc.json")
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
        return topology.Spec.Kind == TopologyKind.Remote ? builder.WithPortBinding(httpPort, assignRandomHostPort: true) : builder;
    }

    protected override OrthancPeer Create(PeerStart start) => new(start, HttpPort ?? DefaultHttpPort);
}
