using System.Net;
using Conformance.Harness.Setup;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Topologies;

/// <summary>
/// Peers on another machine's engine (DOCKER_HOST=tcp://...): our side dials that machine at
/// published ports, the peers dial our SCP at an advertised address. Without an advertised
/// address the peer network's gateway is used, which is right only when the engine runs here
/// (how the suite tests this code path: the local engine reached over TCP).
/// </summary>
public sealed class RemoteTopology : Topology
{
    private readonly SuiteNetwork network;
    private readonly string advertised;
    private readonly DockerSocketRelay? relay;

    private RemoteTopology(TopologySpec spec, HarnessEnvironment environment, string endpoint, SuiteNetwork network, string advertised, DockerSocketRelay? relay)
        : base(spec, environment, endpoint)
    {
        this.network = network;
        this.advertised = advertised;
        this.relay = relay;
        Note($"remote engine {endpoint}; peers reach our SCP at {advertised}; our side reaches peers through published ports");
    }

    public static async Task<RemoteTopology> StartAsync(TopologySpec spec, HarnessEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var relay = spec.RelayLocalEngine ? new DockerSocketRelay() : null;
        try
        {
            var endpoint = relay?.Endpoint ?? spec.DockerEndpoint ?? environment.Settings.DockerHost
                ?? throw new HarnessSetupException("Remote mode needs DOCKER_HOST (e.g. tcp://10.0.0.2:2375) or a TopologySpec.DockerEndpoint.");
            var docker = new Docker.DockerCli(endpoint);
            var network = await SuiteNetwork.CreateAsync(docker, "remote", inhibitHostAddress: false, cancellationToken).ConfigureAwait(false);
            var advertised = spec.AdvertisedAddress ?? environment.Settings.AdvertisedAddress ?? network.Gateway.ToString();
            return new RemoteTopology(spec, environment, endpoint, network, advertised, relay);
        }
        catch
        {
            if (relay is not null)
            {
                await relay.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    public override bool EngineIsLocal => false;

    public override IPAddress OurListenAddress => IPAddress.Any;

    public override string OurAddressForPeers => advertised;

    public override PeerPlacement Allocate(int preferredPort) => new(network.Name, network.NextAddress(), preferredPort);

    public override ContainerBuilder Place(ContainerBuilder builder, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return base.Place(builder, placement).WithPortBinding(placement.Port, assignRandomHostPort: true);
    }

    public override DnsEndPoint OurSideEndpoint(IContainer container, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(placement);
        return new DnsEndPoint(container.Hostname, container.GetMappedPublicPort(placement.Port));
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await network.DisposeAsync().ConfigureAwait(false);
        if (relay is not null)
        {
            await relay.DisposeAsync().ConfigureAwait(false);
        }
    }
}
