using System.Text;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;
using Conformance.Scp;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// DCMTK dcmqrscp (C-STORE into its database, C-FIND, C-MOVE, C-GET). Its configuration is generated: the
/// AE table with one read-write area for any peer (and optionally a second AE that admits only listed
/// callers), and a host table with the C-MOVE destinations. Runs with -dhl, in its default fork mode
/// (docs/pathologies.md: -s crashed on bookworm).
/// </summary>
public sealed record DcmqrscpBuilder : DcmtkPeerBuilder<DcmqrscpBuilder, QrScpPeer>
{
    public DcmqrscpBuilder() => AeTitle = "QRSCP";

    public IReadOnlyList<MoveDestination> MoveDestinations { get; init; } = [];

    /// <summary>A second AE title that accepts only calling AEs from the host table (negotiation cases); null: none.</summary>
    public string? RestrictedAeTitle { get; init; }

    public DcmqrscpBuilder WithMoveDestination(string aeTitle, string host, int port) =>
        this with { MoveDestinations = [.. MoveDestinations, new MoveDestination(aeTitle, host, port)] };

    public DcmqrscpBuilder WithRestrictedAeTitle(string aeTitle) => this with { RestrictedAeTitle = aeTitle };

    protected override ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(placement);
        var config = new DcmqrscpConfiguration(AeTitle, placement.Port, Options.MaxPdu ?? 16384, DcmqrscpConfiguration.ContainerStorageArea)
        {
            Destinations = MoveDestinations,
            RestrictedAeTitle = RestrictedAeTitle,
        }.Render();
        var arguments = string.Join(' ', Options.Arguments().Where(a => a is "-d" or "-v").Concat(ExtraArguments));
        return builder
            .WithResourceMapping(Encoding.ASCII.GetBytes(config), "/data/config/dcmqrscp.cfg")
            .WithCommand("sh", "-c", $"mkdir -p {DcmqrscpConfiguration.ContainerStorageArea} && exec dcmqrscp -dhl {arguments} -c /data/config/dcmqrscp.cfg")
            .WithEnvironment(Options.Environment())
            .WithWaitStrategy(Wait.ForUnixContainer().AddCustomWaitStrategy(new EchoReadiness(AeTitle, placement.Port)));
    }

    protected override QrScpPeer Create(PeerStart start) => new(start, MoveDestinations);
}
