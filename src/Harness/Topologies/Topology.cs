using System.Net;
using Conformance.Harness.Docker;
using Conformance.Harness.Setup;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Topologies;

/// <summary>
/// A started topology: it places peer containers, says how each end reaches the other, and
/// carries its own link measurement. One class per topology kind; tests only see this type.
/// </summary>
public abstract class Topology : IAsyncDisposable
{
    private readonly List<string> notes = [];

    protected Topology(TopologySpec spec, HarnessEnvironment environment, string? dockerEndpoint)
    {
        Spec = spec;
        Environment = environment;
        DockerEndpoint = dockerEndpoint;
        Docker = new DockerCli(dockerEndpoint);
    }

    public TopologySpec Spec { get; }

    public HarnessEnvironment Environment { get; }

    /// <summary>Engine endpoint for this topology's containers (null: the default).</summary>
    public string? DockerEndpoint { get; }

    public DockerCli Docker { get; }

    /// <summary>Address our SCP listens on (a specific interface, never a published port).</summary>
    public abstract IPAddress OurListenAddress { get; }

    /// <summary>Address peers dial to reach our SCP.</summary>
    public abstract string OurAddressForPeers { get; }

    /// <summary>Whether the engine runs on this machine (bind mounts, host tools, nsenter work).</summary>
    public virtual bool EngineIsLocal => true;

    /// <summary>Raw TCP round-trip time and throughput between the two ends, measured at start.</summary>
    public LinkMeasurement? Measurement { get; internal set; }

    /// <summary>Plain statements about what this topology could and could not do (e.g. no netem).</summary>
    public IReadOnlyList<string> Notes => notes;

    /// <summary>Chooses an address and port for a new container.</summary>
    public abstract PeerPlacement Allocate(int preferredPort);

    /// <summary>Attaches a container builder to this topology at its placement.</summary>
    public virtual ContainerBuilder Place(ContainerBuilder builder, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(placement);
        // --init: tools run as PID 1 ignore SIGTERM, which would make every stop wait 10 s.
        builder = builder.WithLabel(SuiteLabels.ForThisRun).WithCleanUp(true).WithCreateParameterModifier(p =>
        {
            p.HostConfig ??= new HostConfig();
            p.HostConfig.Init = true;
        });
        if (DockerEndpoint is not null)
        {
            builder = builder.WithDockerEndpoint(DockerEndpoint);
        }

        if (placement.OnHostNetwork)
        {
            return builder.WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.NetworkMode = "host";
            });
        }

        var network = placement.Network!;
        var address = placement.Address.ToString();
        return builder.WithNetwork(network).WithCreateParameterModifier(p =>
        {
            p.NetworkingConfig ??= new NetworkingConfig();
            p.NetworkingConfig.EndpointsConfig ??= new Dictionary<string, EndpointSettings>();
            if (!p.NetworkingConfig.EndpointsConfig.TryGetValue(network, out var endpoint))
            {
                endpoint = new EndpointSettings();
                p.NetworkingConfig.EndpointsConfig[network] = endpoint;
            }

            endpoint.IPAMConfig = new EndpointIPAMConfig { IPv4Address = address };
        });
    }

    /// <summary>Starts a container built for one of this topology's placements and finishes wiring it (<see cref="OnStartedAsync"/>).</summary>
    public async Task<IContainer> StartPlacedAsync(IContainer container, PeerPlacement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        try
        {
            await container.StartAsync(cancellationToken).ConfigureAwait(false);
            await OnStartedAsync(container, placement, cancellationToken).ConfigureAwait(false);
            return container;
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Removes a container this topology placed, at once (a test peer needs no graceful stop).</summary>
    public async Task RemoveAsync(IContainer container)
    {
        ArgumentNullException.ThrowIfNull(container);
        await Docker.RunAsync(["rm", "-f", "-v", container.Id], CancellationToken.None).ConfigureAwait(false);
        await container.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Runs after a placed container started (e.g. routes it through the router).</summary>
    public virtual Task OnStartedAsync(IContainer container, PeerPlacement placement, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Where our side (this process) dials to reach a placed container's port.</summary>
    public virtual DnsEndPoint OurSideEndpoint(IContainer container, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return new DnsEndPoint(placement.Address.ToString(), placement.Port);
    }

    protected void Note(string note) => notes.Add(note);

    public async ValueTask DisposeAsync()
    {
        await DisposeCoreAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected abstract ValueTask DisposeCoreAsync();

    public override string ToString() => Spec.Name;
}
