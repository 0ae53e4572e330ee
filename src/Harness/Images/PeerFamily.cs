namespace Conformance.Harness.Images;

/// <summary>A peer image family: one Dockerfile under containers/&lt;name&gt;/ and the packages whose versions it records.</summary>
public sealed record PeerFamily(string Name, IReadOnlyList<string> VersionedPackages)
{
    public static readonly PeerFamily Dcmtk = new("dcmtk", ["dcmtk"]);
    public static readonly PeerFamily Gdcm = new("gdcm", ["libgdcm-tools"]);
    public static readonly PeerFamily Orthanc = new("orthanc", ["orthanc", "dcmtk"]);
    public static readonly PeerFamily NetTools = new("nettools", ["tcpdump", "iperf3", "iproute2"]);

    public static IReadOnlyList<PeerFamily> All { get; } = [Dcmtk, Gdcm, Orthanc, NetTools];

    public static PeerFamily Parse(string name) =>
        All.FirstOrDefault(family => family.Name == name)
        ?? throw new ArgumentException($"Unknown peer family '{name}'; known: {string.Join(", ", All.Select(f => f.Name))}.", nameof(name));
}
