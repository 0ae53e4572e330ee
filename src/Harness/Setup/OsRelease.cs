namespace Conformance.Harness.Setup;

/// <summary>The few facts of /etc/os-release the setup needs.</summary>
public sealed record OsRelease(string Id, string? IdLike, string? VersionCodename)
{
    public bool IsDebianFamily =>
        Id is "debian" or "ubuntu" || (IdLike?.Split(' ').Contains("debian") ?? false);

    public static OsRelease Read(string path = "/etc/os-release")
    {
        if (!File.Exists(path))
        {
            return new OsRelease("unknown", null, null);
        }

        var fields = File.ReadAllLines(path)
            .Where(line => line.Contains('=', StringComparison.Ordinal))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim('"'), StringComparer.Ordinal);
        return new OsRelease(
            fields.GetValueOrDefault("ID") ?? "unknown",
            fields.GetValueOrDefault("ID_LIKE"),
            fields.GetValueOrDefault("VERSION_CODENAME"));
    }
}
