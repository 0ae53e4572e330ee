using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conformance.Harness.Peers.Orthanc;

/// <summary>Orthanc's configuration for one container: the image's defaults with this peer's AE title and ports.</summary>
public static class OrthancConfiguration
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Render(string aeTitle, int dicomPort, int httpPort)
    {
        var config = new JsonObject
        {
            ["Name"] = "CONFORMANCE-ORTHANC",
            ["StorageDirectory"] = "/var/lib/orthanc/db",
            ["IndexDirectory"] = "/var/lib/orthanc/db",
            ["DicomAet"] = aeTitle,
            ["DicomPort"] = dicomPort,
            ["HttpPort"] = httpPort,
            ["RemoteAccessAllowed"] = true,
            ["AuthenticationEnabled"] = false,
            ["DicomCheckCalledAet"] = false,
            ["DicomAlwaysAllowEcho"] = true,
            ["DicomAlwaysAllowStore"] = true,
            ["DicomAlwaysAllowFind"] = true,
            ["DicomAlwaysAllowGet"] = true,
            ["DicomAlwaysAllowMove"] = true,
            ["UnknownSopClassAccepted"] = true,
            ["DicomScuTimeout"] = 30,
            ["DicomAssociationCloseDelay"] = 0,
            ["Plugins"] = new JsonArray(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(config, Indented);
    }
}
