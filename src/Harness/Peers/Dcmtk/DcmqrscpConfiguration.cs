using System.Globalization;
using System.Text;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>A C-MOVE destination dcmqrscp knows: its AE title and where to reach it.</summary>
public sealed record MoveDestination(string AeTitle, string Host, int Port);

/// <summary>
/// dcmqrscp's configuration file: port and PDU size, the host table (C-MOVE destinations, e.g.
/// our SCP or movescu's storage SCP), and one read-write storage area that accepts any peer.
/// </summary>
public static class DcmqrscpConfiguration
{
    public const string StorageArea = "/data/db";

    public static string Render(string aeTitle, int port, int maxPdu, IEnumerable<MoveDestination> destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"NetworkTCPPort  = {port}\n");
        text.Append(CultureInfo.InvariantCulture, $"MaxPDUSize      = {maxPdu}\n");
        text.Append("MaxAssociations = 16\n\n");
        text.Append("HostTable BEGIN\n");
        var index = 0;
        foreach (var destination in destinations)
        {
            text.Append(CultureInfo.InvariantCulture, $"dest{index++} = ({destination.AeTitle}, {destination.Host}, {destination.Port})\n");
        }

        text.Append("HostTable END\n\n");
        text.Append("VendorTable BEGIN\nVendorTable END\n\n");
        text.Append("AETable BEGIN\n");
        text.Append(CultureInfo.InvariantCulture, $"{aeTitle} {StorageArea} RW (1000, 1024mb) ANY\n");
        text.Append("AETable END\n");
        return text.ToString();
    }
}
