using Conformance.Dicom;
using Conformance.Harness.Images;
using Conformance.Harness.Setup;

namespace Conformance.Harness.Peers;

/// <summary>
/// The peer a case talks to: the tool's name as it appears in case ids and rows, its image family and
/// the package whose version (from the image labels) the row records. Peers that are not images (the
/// scripted raw peer, our own SCP on the other end) record our implementation's version.
/// </summary>
public sealed record PeerTool(string Name, PeerFamily? Family, string? Package)
{
    public static readonly PeerTool StoreScp = new("storescp", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool Dcmqrscp = new("dcmqrscp", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool EchoScu = new("echoscu", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool StoreScu = new("storescu", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool FindScu = new("findscu", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool MoveScu = new("movescu", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool GetScu = new("getscu", PeerFamily.Dcmtk, "dcmtk");
    public static readonly PeerTool GdcmScu = new("gdcmscu", PeerFamily.Gdcm, "libgdcm-tools");
    public static readonly PeerTool Orthanc = new("orthanc", PeerFamily.Orthanc, "orthanc");

    /// <summary>A peer scripted from our PDU types that misbehaves on purpose (aborts or closes mid data set).</summary>
    public static readonly PeerTool RawPeer = new("raw-peer", null, null);

    /// <summary>Our own SCP as the other end (cases that need both ends configurable, e.g. an unlimited PDU).</summary>
    public static readonly PeerTool OurScp = new("ours-scp", null, null);

    /// <summary>The version the row records: the package version from the image labels, or our implementation's.</summary>
    public string VersionIn(HarnessEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return Family is null || Package is null ? DicomImplementation.VersionName : environment.Image(Family).VersionOf(Package);
    }

    public override string ToString() => Name;
}
