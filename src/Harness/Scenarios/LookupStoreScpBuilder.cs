using System.Globalization;
using Conformance.Harness.Images;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Topologies;
using HostConfig = Docker.DotNet.Models.HostConfig;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// storescp that looks up its caller's host name (no <c>-dhl</c>: mechanism C of docs/pathologies.md), with a
/// bounded resolver (timeout:1 attempts:1), so that where reverse DNS does not answer every association's set-up
/// takes seconds (5 s measured across the cross-host router: DCMTK asks more than once) instead of failing. <see cref="DcmtkStoreScpBuilder"/> is the everyday storescp (always
/// <c>-dhl</c>); this one exists for the host-lookup canary and its twin (<see cref="WithHostLookup"/> false).
/// </summary>
public sealed record LookupStoreScpBuilder
{
    public string AeTitle { get; init; } = "LOOKUPSCP";

    public bool HostLookup { get; init; } = true;

    /// <summary>Resolver options in the container's resolv.conf (docker --dns-opt).</summary>
    public IReadOnlyList<string> ResolverOptions { get; init; } = ["timeout:1", "attempts:1"];

    public LookupStoreScpBuilder WithHostLookup(bool lookup) => this with { HostLookup = lookup };

    public async Task<StartedPeer> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(DcmtkStoreScpBuilder.DefaultPort);
        var options = new DcmtkOptions { TcpNoDelay = true, LogLevel = DcmtkLogLevel.Verbose };
        string[] lookup = HostLookup ? [] : ["-dhl"];
        var resolver = ResolverOptions;
        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.Dcmtk).Tag)
            .WithCommand(["storescp", .. lookup, "--aetitle", AeTitle, "--ignore", .. options.Arguments(), placement.Port.ToString(CultureInfo.InvariantCulture)])
            .WithEnvironment(options.Environment())
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.DNSOptions = [.. resolver];
            })
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new StartedPeer(container, topology, placement, AeTitle);
    }
}
