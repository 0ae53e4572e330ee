using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Peers.Tools;

/// <summary>
/// A long-lived container of a peer image (DCMTK or GDCM) placed in a topology, in which SCU tools run
/// one after another. Host folders are bound at /data/in (input files), /data/out (what movescu/getscu
/// receive) and /data/work (per-case files); its service port is for a tool's own storage SCP (movescu --port).
/// </summary>
public sealed record ToolboxBuilder : PeerBuilder<ToolboxBuilder, Toolbox>
{
    public const int DefaultStoragePort = 11113;

    public ToolboxBuilder() => AeTitle = "TOOLBOX";

    public PeerFamily Family { get; init; } = PeerFamily.Dcmtk;

    /// <summary>Host folder bound at /data/in (local engines); remote engines get files with <see cref="Toolbox.CopyInAsync"/>.</summary>
    public string? InputDirectory { get; init; }

    /// <summary>Host folder bound at /data/out, where movescu/getscu write what they receive.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Host folder bound at /data/work, for per-case files (query files, output folders).</summary>
    public string? WorkDirectory { get; init; }

    public ToolboxBuilder WithFamily(PeerFamily family) => this with { Family = family };

    public ToolboxBuilder WithInputDirectory(string hostDirectory) => this with { InputDirectory = hostDirectory };

    public ToolboxBuilder WithOutputDirectory(string hostDirectory) => this with { OutputDirectory = hostDirectory };

    public ToolboxBuilder WithWorkDirectory(string hostDirectory) => this with { WorkDirectory = hostDirectory };

    protected override int ServicePort => DefaultStoragePort;

    protected override PeerFamily ImageFamily() => Family;

    protected override ContainerBuilder Configure(ContainerBuilder builder, Topology topology, PeerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder = builder.WithCommand("sleep", "infinity");
        foreach (var (host, container) in new[] { (InputDirectory, "/data/in"), (OutputDirectory, "/data/out"), (WorkDirectory, "/data/work") })
        {
            if (host is not null)
            {
                builder = builder.WithBindMount(host, container);
            }
        }

        return builder;
    }

    protected override Toolbox Create(PeerStart start) => new(start);
}
