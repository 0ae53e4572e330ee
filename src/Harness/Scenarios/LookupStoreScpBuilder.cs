using System.Globalization;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;
using HostConfig = Docker.DotNet.Models.HostConfig;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// storescp that looks up its caller's host name (no <c>-dhl</c>: mechanism C of docs/pathologies.md), with a
/// bounded resolver (timeout:1 attempts:1), so that where reverse DNS does not answer every association's set-up
/// takes seconds (5 s measured across the cross-host router: DCMTK asks more than once) instead of failing.
/// <see cref="DcmtkStoreScpBuilder"/> is the everyday storescp (always <c>-dhl</c>); this one exists for the
/// host-lookup canary and its twin (<see cref="WithHostLookup"/> false).
/// </summary>
public sealed record LookupStoreScpBuilder : DcmtkPeerBuilder<LookupStoreScpBuilder, StoreScpPeer>
{
    public LookupStoreScpBuilder()
    {
        AeTitle = "LOOKUPSCP";
        Options = new DcmtkOptions { TcpNoDelay = true, LogLevel = DcmtkLogLevel.Verbose };
    }

    public bool HostLookup { get; init; } = true;

    /// <summary>Resolver options in the container's resolv.conf (docker --dns-opt).</summary>
    public IReadOnlyList<string> ResolverOptions { get; init; } = ["timeout:1", "attempts:1"];

    public LookupStoreScpBuilder WithHostLookup(bool lookup) => this with { HostLookup = lookup };

    protected override ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(placement);
        string[] lookup = HostLookup ? [] : ["-dhl"];
        var resolver = ResolverOptions;
        return builder
            .WithCommand(["storescp", .. lookup, "--aetitle", AeTitle, "--ignore", .. Options.Arguments(), .. ExtraArguments, placement.Port.ToString(CultureInfo.InvariantCulture)])
            .WithEnvironment(Options.Environment())
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.DNSOptions = [.. resolver];
            })
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
    }

    protected override StoreScpPeer Create(PeerStart start) => new(start, outputDirectory: null, ExtraArguments);
}
