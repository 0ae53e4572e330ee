using System.Globalization;
using System.Text;
using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// Immutable builder for a DCMTK dcmqrscp peer (C-STORE into its database, C-FIND, C-MOVE, C-GET).
/// Its configuration is generated: the AE table with one read-write area, and a host table with
/// the C-MOVE destinations (our SCP, or movescu's own storage SCP). Runs with -dhl.
/// </summary>
public sealed record DcmqrscpBuilder
{
    public const int DefaultPort = 11112;

    public string AeTitle { get; init; } = "QRSCP";

    public DcmtkOptions Options { get; init; } = new();

    public IReadOnlyList<MoveDestination> MoveDestinations { get; init; } = [];

    public DcmqrscpBuilder WithAeTitle(string aeTitle) => this with { AeTitle = aeTitle };

    public DcmqrscpBuilder WithOptions(DcmtkOptions options) => this with { Options = options };

    public DcmqrscpBuilder WithMoveDestination(string aeTitle, string host, int port) =>
        this with { MoveDestinations = [.. MoveDestinations, new MoveDestination(aeTitle, host, port)] };

    public async Task<StartedPeer> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(DefaultPort);
        var config = DcmqrscpConfiguration.Render(AeTitle, placement.Port, Options.MaxPdu ?? 16384, MoveDestinations);
        var arguments = string.Join(' ', Options.Arguments().Where(a => a is "-d" or "-v"));
        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.Dcmtk).Tag)
            .WithResourceMapping(Encoding.ASCII.GetBytes(config), "/data/config/dcmqrscp.cfg")
            .WithCommand("sh", "-c", $"mkdir -p {DcmqrscpConfiguration.StorageArea} && exec dcmqrscp -dhl {arguments} -c /data/config/dcmqrscp.cfg")
            .WithEnvironment(Options.Environment())
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new StartedPeer(container, topology, placement, AeTitle);
    }

    public override string ToString() => $"dcmqrscp {AeTitle} ({MoveDestinations.Count.ToString(CultureInfo.InvariantCulture)} move destinations)";
}
