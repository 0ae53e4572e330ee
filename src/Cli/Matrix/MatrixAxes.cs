namespace Conformance.Cli.Matrix;

/// <summary>
/// The words `run --peers/--versions/--topologies/--services` accept. Plain strings, so that parsing a
/// command line never loads the harness; a unit test keeps them equal to the harness's catalogues
/// (PeerFamily, TopologyCatalog) and to the results schema's services.
/// </summary>
internal static class MatrixAxes
{
    public static IReadOnlyList<string> Services { get; } = ["echo", "store", "find", "move", "get", "negotiation", "fault"];

    /// <summary>Peer families (each a container image with its tools).</summary>
    public static IReadOnlyList<string> Peers { get; } = ["dcmtk", "gdcm", "orthanc"];

    /// <summary>Debian releases the peer images are built from.</summary>
    public static IReadOnlyList<string> Versions { get; } = ["bullseye", "bookworm", "trixie", "sid"];

    public static IReadOnlyList<string> Topologies { get; } = ["same-host", "bridged", "cross-host", "cross-host-100mbit", "remote-over-tcp"];

    /// <summary>What `--quick` runs on when no topology is named: the fastest to set up.</summary>
    public const string QuickTopology = "same-host";

    /// <summary>The harness's topology of a name these lists accept.</summary>
    public static Harness.Topologies.TopologySpec Topology(string name) =>
        Harness.Topologies.TopologyCatalog.Local.Concat([Harness.Topologies.TopologyCatalog.CrossHostShaped, Harness.Topologies.TopologyCatalog.RemoteLoopback]).FirstOrDefault(t => t.Name == name)
        ?? throw Hosting.CliException.Usage($"unknown topology '{name}'; known: {string.Join(", ", Topologies)}");

    /// <summary>The SUTs known by name (the harness's SutCatalog): ours, the canary SUT (our stack with pathological sockets), DCMTK.</summary>
    public static IReadOnlyList<string> NamedSuts { get; } = ["ours", "ours-pathological", "dcmtk"];

    public static IReadOnlyList<string> Suts { get; } = [.. NamedSuts, "external:FILE"];

    /// <summary>A named SUT, or external: followed by the adapter's specification.</summary>
    public static bool IsSut(string text) =>
        NamedSuts.Contains(text) || (text.StartsWith("external:", StringComparison.Ordinal) && text.Length > "external:".Length);
}
