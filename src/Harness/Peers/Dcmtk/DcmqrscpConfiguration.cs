using System.Globalization;
using System.Text;
using Conformance.Scp;

namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>
/// dcmqrscp's configuration file: port and PDU size, the host table (C-MOVE destinations and admitted
/// callers), one read-write storage area for the AE title (any caller, or only <see cref="AllowedCallers"/>),
/// and optionally a second AE title whose callers are only the destinations (so an unknown caller is rejected).
/// Used for the dcmqrscp peer container and for DCMTK as the system under test.
/// </summary>
public sealed record DcmqrscpConfiguration(string AeTitle, int Port, int MaxPdu, string StorageArea)
{
    public const string ContainerStorageArea = "/data/db";

    public IReadOnlyList<MoveDestination> Destinations { get; init; } = [];

    /// <summary>Callers the AE admits (matched by AE title and host); null admits any.</summary>
    public IReadOnlyList<MoveDestination>? AllowedCallers { get; init; }

    public string? RestrictedAeTitle { get; init; }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"NetworkTCPPort  = {Port}\nMaxPDUSize      = {MaxPdu}\nMaxAssociations = 16\n\n");
        text.Append("HostTable BEGIN\n");
        var destinations = Entries(text, "dest", Destinations);
        var callers = Entries(text, "caller", AllowedCallers ?? []);
        if (RestrictedAeTitle is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"known = {(destinations.Count == 0 ? "(NOBODY, 127.0.0.1, 1)" : string.Join(", ", destinations))}\n");
        }

        if (AllowedCallers is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"admitted = {(callers.Count == 0 ? "(NOBODY, 127.0.0.1, 1)" : string.Join(", ", callers))}\n");
        }

        text.Append("HostTable END\n\nVendorTable BEGIN\nVendorTable END\n\nAETable BEGIN\n");
        text.Append(CultureInfo.InvariantCulture, $"{AeTitle} {StorageArea} RW (1000, 1024mb) {(AllowedCallers is null ? "ANY" : "admitted")}\n");
        if (RestrictedAeTitle is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"{RestrictedAeTitle} {StorageArea} RW (1000, 1024mb) known\n");
        }

        text.Append("AETable END\n");
        return text.ToString();
    }

    private static List<string> Entries(StringBuilder text, string prefix, IEnumerable<MoveDestination> entries)
    {
        var names = new List<string>();
        foreach (var entry in entries)
        {
            var name = prefix + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            text.Append(CultureInfo.InvariantCulture, $"{name} = ({entry.AeTitle}, {entry.Host}, {entry.Port})\n");
        }

        return names;
    }
}
