namespace Conformance.Harness.Setup;

/// <summary>Where base images come from: a registry (<c>debian:&lt;suite&gt;-slim</c>) or built here.</summary>
public enum BaseImageSource
{
    Registry,
    Local,
}

/// <summary>
/// The harness's settings, read from the environment once. Every knob has one variable;
/// docs/harness.md lists them.
/// </summary>
public sealed record HarnessSettings
{
    public const string DefaultSuite = "bookworm";

    /// <summary>Debian release the peer images are built from (CONFORMANCE_DEBIAN_SUITE).</summary>
    public string DebianSuite { get; init; } = DefaultSuite;

    /// <summary>CONFORMANCE_BASE_IMAGES=registry|local; null means "decide from what is present".</summary>
    public BaseImageSource? BaseImages { get; init; }

    /// <summary>True when running on GitHub Actions (GITHUB_ACTIONS=true): a registry is reachable there.</summary>
    public bool OnGitHubActions { get; init; }

    /// <summary>DOCKER_HOST, or null for the local socket.</summary>
    public string? DockerHost { get; init; }

    /// <summary>Address the peers use to reach our SCP in remote mode (CONFORMANCE_ADVERTISED_ADDRESS).</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Where a dockerd started by setup writes its log (CONFORMANCE_DOCKERD_LOG).</summary>
    public string DockerdLogPath { get; init; } = "/var/log/conformance-dockerd.log";

    /// <summary>Whether setup may install packages when no engine is found (CONFORMANCE_NO_INSTALL=1 forbids it).</summary>
    public bool MayInstall { get; init; } = true;

    public static HarnessSettings FromEnvironment() => FromVariables(name => Environment.GetEnvironmentVariable(name));

    public static HarnessSettings FromVariables(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var suite = read("CONFORMANCE_DEBIAN_SUITE");
        var baseImages = read("CONFORMANCE_BASE_IMAGES");
        return new HarnessSettings
        {
            DebianSuite = string.IsNullOrWhiteSpace(suite) ? DefaultSuite : suite.Trim(),
            BaseImages = ParseBaseImages(baseImages),
            OnGitHubActions = string.Equals(read("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase),
            DockerHost = NullIfBlank(read("DOCKER_HOST")),
            AdvertisedAddress = NullIfBlank(read("CONFORMANCE_ADVERTISED_ADDRESS")),
            DockerdLogPath = NullIfBlank(read("CONFORMANCE_DOCKERD_LOG")) ?? "/var/log/conformance-dockerd.log",
            MayInstall = read("CONFORMANCE_NO_INSTALL") is not "1" and not "true",
        };
    }

    private static BaseImageSource? ParseBaseImages(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" => null,
        "REGISTRY" => BaseImageSource.Registry,
        "LOCAL" => BaseImageSource.Local,
        _ => throw new ArgumentException(
            $"CONFORMANCE_BASE_IMAGES='{value}' is not understood; use 'registry' or 'local' (or leave it unset).",
            nameof(value)),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
