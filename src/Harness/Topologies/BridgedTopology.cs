using System.Net;
using Conformance.Harness.Setup;

namespace Conformance.Harness.Topologies;

/// <summary>
/// Peer on a user-defined bridge (MTU 1500). Our side dials the container's own address (no
/// docker-proxy splitting the connection); the peer reaches our SCP at the bridge's gateway.
/// </summary>
public sealed class BridgedTopology : Topology
{
    private readonly SuiteNetwork network;

    private BridgedTopology(TopologySpec spec, HarnessEnvironment environment, SuiteNetwork network)
        : base(spec, environment, environment.Settings.DockerHost)
    {
        this.network = network;
    }

    public static async Task<BridgedTopology> StartAsync(TopologySpec spec, HarnessEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var network = await SuiteNetwork.CreateAsync(environment.Docker, "bridged", inhibitHostAddress: false, cancellationToken).ConfigureAwait(false);
        return new BridgedTopology(spec, environment, network);
    }

    public override IPAddress OurListenAddress => network.Gateway;

    public override string OurAddressForPeers => network.Gateway.ToString();

    public override PeerPlacement Allocate(int preferredPort) => new(network.Name, network.NextAddress(), preferredPort);

    protected override ValueTask DisposeCoreAsync() => network.DisposeAsync();
}
