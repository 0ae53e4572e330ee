using Conformance.Harness.Docker;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>The base image peer images are built FROM, and why it was chosen.</summary>
public sealed record BaseImageChoice(BaseImageSource Source, string Image, string Reason);

/// <summary>
/// Decides where base images come from without touching the network, and builds a local one
/// (debootstrap --variant=minbase + docker import) when that is the choice.
/// </summary>
public sealed class BaseImageProvider(DockerCli docker, HarnessSettings settings, Action<string> log)
{
    public static string RegistryImage(string suite) => $"debian:{suite}-slim";

    public static string LocalImage(string suite) => $"conformance/debian:{suite}";

    /// <summary>Setting first; unset: a registry image present locally or GitHub Actions means registry, else local.</summary>
    public async Task<BaseImageChoice> ChooseAsync(CancellationToken cancellationToken)
    {
        var suite = settings.DebianSuite;
        if (settings.BaseImages is { } forced)
        {
            return Make(forced, $"CONFORMANCE_BASE_IMAGES={forced.ToString().ToLowerInvariant()}");
        }

        if (await docker.ImageExistsAsync(RegistryImage(suite), cancellationToken).ConfigureAwait(false))
        {
            return Make(BaseImageSource.Registry, $"{RegistryImage(suite)} is present locally");
        }

        return settings.OnGitHubActions
            ? Make(BaseImageSource.Registry, "running on GitHub Actions (GITHUB_ACTIONS=true), a registry is reachable")
            : Make(BaseImageSource.Local, "CONFORMANCE_BASE_IMAGES is unset, no registry image is present and this is not GitHub Actions");

        BaseImageChoice Make(BaseImageSource source, string reason) =>
            new(source, source == BaseImageSource.Registry ? RegistryImage(suite) : LocalImage(suite), reason);
    }

    private async Task<string> FindOrInstallDebootstrapAsync(BaseImageChoice choice, CancellationToken cancellationToken)
    {
        static string? Find() => ProcessRunner.FindOnPath("debootstrap") ?? ProcessRunner.FindOnPath("/usr/sbin/debootstrap");
        if (Find() is { } found)
        {
            return found;
        }

        log($"building the local base image {choice.Image} needs debootstrap; installing it");
        await AptGet.InstallAsync(
            ["debootstrap"],
            settings.MayInstall,
            log,
            "Install it (apt-get install debootstrap), or set CONFORMANCE_BASE_IMAGES=registry where a registry is reachable.",
            cancellationToken).ConfigureAwait(false);
        return Find() ?? throw new HarnessSetupException("apt-get installed debootstrap, but it is still not on PATH or in /usr/sbin.");
    }

    /// <summary>Makes sure a local base image exists, building it with debootstrap if not.</summary>
    public async Task EnsureLocalAsync(BaseImageChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        if (choice.Source != BaseImageSource.Local)
        {
            return;
        }

        if (await docker.ImageExistsAsync(choice.Image, cancellationToken).ConfigureAwait(false))
        {
            log($"base image {choice.Image} is present; reusing it");
            return;
        }

        var debootstrap = await FindOrInstallDebootstrapAsync(choice, cancellationToken).ConfigureAwait(false);
        var os = OsRelease.Read();
        var source = AptSource.FindFor(os.VersionCodename ?? settings.DebianSuite)
            ?? throw new HarnessSetupException(
                "No Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list; debootstrap needs one. "
                + "Or set CONFORMANCE_BASE_IMAGES=registry where a registry is reachable.");
        var rootfs = Path.Combine(Path.GetTempPath(), $"conformance-rootfs-{settings.DebianSuite}-{Environment.ProcessId}");
        try
        {
            var arguments = new List<string> { "--variant=minbase" };
            if (source.SignedBy is not null)
            {
                arguments.Add($"--keyring={source.SignedBy}");
            }

            arguments.AddRange([settings.DebianSuite, rootfs, source.MirrorUri]);
            log($"building base image {choice.Image}: debootstrap {string.Join(' ', arguments)}");
            var result = await ProcessRunner.RunAsync(debootstrap, arguments, cancellationToken, line => log("  " + line)).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                throw new HarnessSetupException($"debootstrap failed (exit {result.ExitCode}); see the output above.");
            }

            log($"importing {rootfs} as {choice.Image}");
            var import = await ProcessRunner.RunAsync(
                "/bin/sh",
                ["-c", "tar -C \"$1\" -c . | docker ${2:+-H \"$2\"} import --change 'CMD [\"/bin/bash\"]' --change \"LABEL $3\" - \"$4\"",
                    "sh", rootfs, docker.Endpoint ?? string.Empty, SuiteLabels.SuiteFilter, choice.Image],
                cancellationToken).ConfigureAwait(false);
            if (!import.Succeeded)
            {
                throw new HarnessSetupException($"docker import of the base image failed: {import.CombinedOutput}");
            }
        }
        finally
        {
            if (Directory.Exists(rootfs))
            {
                await ProcessRunner.RunAsync("rm", ["-rf", "--one-file-system", rootfs], CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
