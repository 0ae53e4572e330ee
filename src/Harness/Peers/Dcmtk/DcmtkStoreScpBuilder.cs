using System.Globalization;
using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// Immutable builder for a DCMTK storescp peer: each With* returns a new builder, so one base
/// builder can be shared by many tests. Always runs with -dhl (no reverse DNS of the caller:
/// docs/pathologies.md, mechanism C). Received files go to /data/out, bound to a host folder when given.
/// </summary>
public sealed record DcmtkStoreScpBuilder
{
    public const int DefaultPort = 11112;

    public string AeTitle { get; init; } = "STORESCP";

    public DcmtkOptions Options { get; init; } = new();

    /// <summary>Host folder bound at /data/out (local engines); null keeps files in the container.</summary>
    public string? OutputDirectory { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    public DcmtkStoreScpBuilder WithAeTitle(string aeTitle) => this with { AeTitle = aeTitle };

    public DcmtkStoreScpBuilder WithOptions(DcmtkOptions options) => this with { Options = options };

    public DcmtkStoreScpBuilder WithOutputDirectory(string hostDirectory) => this with { OutputDirectory = hostDirectory };

    /// <summary>Extra storescp arguments (e.g. "--refuse" to make every association fail).</summary>
    public DcmtkStoreScpBuilder WithArguments(params string[] arguments) => this with { ExtraArguments = [.. ExtraArguments, .. arguments] };

    public async Task<StartedPeer> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(DefaultPort);
        var command = new List<string> { "storescp", "-dhl", "--aetitle", AeTitle, "-od", "/data/out" };
        command.AddRange(Options.Arguments());
        command.AddRange(ExtraArguments);
        command.Add(placement.Port.ToString(CultureInfo.InvariantCulture));

        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.Dcmtk).Tag)
            .WithCommand([.. command])
            .WithEnvironment(Options.Environment())
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(ReadinessFor(placement.Port)));
        if (OutputDirectory is not null)
        {
            builder = builder.WithBindMount(OutputDirectory, "/data/out");
        }

        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new StartedPeer(container, topology, placement, AeTitle);
    }

    /// <summary>--refuse makes storescp refuse every association, the readiness echo included; then only the port is awaited.</summary>
    private DotNet.Testcontainers.Configurations.IWaitUntil ReadinessFor(int port) =>
        ExtraArguments.Contains("--refuse") ? new PortListening(port) : new EchoReadiness(AeTitle, port);
}
