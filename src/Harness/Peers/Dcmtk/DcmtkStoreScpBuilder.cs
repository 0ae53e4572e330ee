using System.Globalization;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// DCMTK storescp. Always runs with -dhl (no reverse DNS of the caller: docs/pathologies.md, mechanism C).
/// Received files go to /data/out, bound to a host folder when given. Ready when it answers C-ECHO, or,
/// with --refuse (which refuses the readiness echo too), when its port listens.
/// </summary>
public sealed record DcmtkStoreScpBuilder : DcmtkPeerBuilder<DcmtkStoreScpBuilder, StoreScpPeer>
{
    public DcmtkStoreScpBuilder() => AeTitle = "STORESCP";

    /// <summary>Host folder bound at /data/out (local engines); null keeps files in the container.</summary>
    public string? OutputDirectory { get; init; }

    public DcmtkStoreScpBuilder WithOutputDirectory(string hostDirectory) => this with { OutputDirectory = hostDirectory };

    protected override ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(placement);
        var command = new List<string> { "storescp", "-dhl", "--aetitle", AeTitle, "-od", "/data/out" };
        command.AddRange(Options.Arguments());
        command.AddRange(ExtraArguments);
        command.Add(placement.Port.ToString(CultureInfo.InvariantCulture));
        builder = builder
            .WithCommand([.. command])
            .WithEnvironment(Options.Environment())
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(ReadinessFor(placement.Port)));
        return OutputDirectory is null ? builder : builder.WithBindMount(OutputDirectory, "/data/out");
    }

    protected override StoreScpPeer Create(PeerStart start) => new(start, OutputDirectory, ExtraArguments);

    private IWaitUntil ReadinessFor(int port) =>
        ExtraArguments.Contains("--refuse") ? new PortListening(port) : new EchoReadiness(AeTitle, port);
}
