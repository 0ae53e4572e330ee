using Conformance.Harness.Docker;
using DotNet.Testcontainers.Configurations;

namespace Conformance.Harness.Setup;

/// <summary>
/// Ryuk (Testcontainers' resource reaper) runs only where its image is present or a registry is
/// reachable (GitHub Actions); elsewhere it is disabled and the janitor cleans up by label.
/// </summary>
public static class RyukPolicy
{
    /// <summary>The image Testcontainers 4.16 uses when none is configured.</summary>
    public const string DefaultImage = "testcontainers/ryuk:0.14.0";

    public static async Task<bool> ApplyAsync(DockerCli docker, HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var image = TestcontainersSettings.ResourceReaperImage?.FullName ?? DefaultImage;
        var present = await docker.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false);
        var enabled = present || settings.OnGitHubActions;
        if (!enabled)
        {
            Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
            TestcontainersSettings.ResourceReaperEnabled = false;
        }

        log(enabled
            ? $"Ryuk enabled ({(present ? $"{image} is present" : "GitHub Actions")}); the suite also removes its resources by label"
            : $"Ryuk disabled ({image} is not present locally and no registry is configured): TESTCONTAINERS_RYUK_DISABLED=true, the suite removes its resources by label");
        return enabled;
    }
}
