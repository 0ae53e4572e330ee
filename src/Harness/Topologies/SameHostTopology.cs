using System.Net;
using Conformance.Harness.HostPeers;
using Conformance.Harness.Setup;

namespace Conformance.Harness.Topologies;

/// <summary>Peer on the host network; both ends talk over loopback (MTU 65536), as in the 2016 setting.</summary>
public sealed class SameHostTopology(TopologySpec spec, HarnessEnvironment environment)
    : Topology(spec, environment, environment?.Settings.DockerHost)
{
    public override IPAddress OurListenAddress => IPAddress.Loopback;

    public override string OurAddressForPeers => "127.0.0.1";

    /// <summary>On the host network a container cannot bind port 0, so each gets a free host port.</summary>
    public override PeerPlacement Allocate(int preferredPort) => new(null, IPAddress.Loopback, LocalPorts.Free());

    protected override ValueTask DisposeCoreAsync() => ValueTask.CompletedTask;
}
