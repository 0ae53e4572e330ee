namespace Conformance.Harness.Images;

/// <summary>A built peer image: its tag and the tool versions recorded in its labels.</summary>
public sealed record PeerImage(PeerFamily Family, string Suite, string Tag, IReadOnlyDictionary<string, string> Versions)
{
    public static string TagFor(PeerFamily family, string suite, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(family);
        return $"conformance/{family.Name}:{suite}-{contentHash}";
    }

    public string VersionOf(string package) =>
        Versions.TryGetValue(package, out var version) ? version : "unknown";
}
