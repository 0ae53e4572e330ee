using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Tools;

/// <summary>
/// A long-lived container of a peer image (DCMTK or GDCM) placed in a topology, in which SCU
/// tools run one after another. Input files come from a host folder bound at /data/in.
/// </summary>
public sealed record ToolboxBuilder
{
    public PeerFamily Family { get; init; } = PeerFamily.Dcmtk;

    public string AeTitle { get; init; } = "TOOLBOX";

    /// <summary>Host folder bound at /data/in (local engines); remote engines get files with <see cref="Toolbox.CopyInAsync"/>.</summary>
    public string? InputDirectory { get; init; }

    /// <summary>Host folder bound at /data/out, where movescu/getscu write what they receive.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Port of a built-in storage SCP (movescu --port); it is placed like a service port.</summary>
    public int StoragePort { get; init; } = 11113;

    public ToolboxBuilder WithFamily(PeerFamily family) => this with { Family = family };

    public ToolboxBuilder WithAeTitle(string aeTitle) => this with { AeTitle = aeTitle };

    public ToolboxBuilder WithInputDirectory(string hostDirectory) => this with { InputDirectory = hostDirectory };

    public ToolboxBuilder WithOutputDirectory(string hostDirectory) => this with { OutputDirectory = hostDirectory };

    public async Task<Toolbox> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(StoragePort);
        var builder = new ContainerBuilder(topology.Environment.Image(Family).Tag).WithCommand("sleep", "infinity");
        if (InputDirectory is not null)
        {
            builder = builder.WithBindMount(InputDirectory, "/data/in");
        }

        if (OutputDirectory is not null)
        {
            builder = builder.WithBindMount(OutputDirectory, "/data/out");
        }

        var container = await StartedPeer.StartPlacedAsync(topology.Place(builder, placement).Build(), topology, placement, cancellationToken).ConfigureAwait(false);
        return new Toolbox(container, topology, placement, AeTitle);
    }
}
