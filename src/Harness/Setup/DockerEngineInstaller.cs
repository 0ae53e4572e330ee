using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>
/// Installs a Docker engine that speaks API 1.44+ on Debian-family machines, as root.
/// Debian releases before trixie ship docker.io 20.10 (API 1.41), so on those the package comes
/// from trixie through an extra apt source with the machine's own mirror and keyring, pinned at
/// priority 100 so nothing else is taken from trixie (ENVIRONMENT.md has the verified recipe).
/// </summary>
public sealed class DockerEngineInstaller(Action<string> log, string root = "/")
{
    public const string TrixieSourceFile = "etc/apt/sources.list.d/conformance-trixie.sources";
    public const string TrixiePinFile = "etc/apt/preferences.d/conformance-trixie";

    private static readonly string[] ReleasesWithOldDocker = ["buster", "bullseye", "bookworm"];

    public async Task InstallAsync(OsRelease os, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(os);
        if (!os.IsDebianFamily)
        {
            throw new HarnessSetupException(
                $"No Docker engine with API >= {DockerEngineStatus.MinimumApi} is reachable, and this is '{os.Id}', not Debian or Ubuntu, "
                + "so setup will not install one. Install Docker Engine 25 or newer (https://docs.docker.com/engine/install/), start it, and run 'conformance setup' again.");
        }

        if (ProcessRunner.FindOnPath("apt-get") is null)
        {
            throw new HarnessSetupException("apt-get is missing; cannot install docker.io. Install Docker Engine 25 or newer by hand.");
        }

        var package = "docker.io";
        if (os.Id == "debian" && ReleasesWithOldDocker.Contains(os.VersionCodename))
        {
            WriteTrixieSource(os.VersionCodename!);
            package = "docker.io/trixie";
        }

        await AptAsync(["update", "-qq"], cancellationToken).ConfigureAwait(false);
        await AptAsync(["install", "-y", "-q", package], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The apt source and pin files for trixie, derived from the machine's own source for <paramref name="codename"/>.</summary>
    public static (string Source, string Pin) TrixieFiles(AptSource machineSource)
    {
        ArgumentNullException.ThrowIfNull(machineSource);
        var source = "# Written by 'conformance setup': trixie's docker.io (API 1.45) for the suite's Docker engine.\n"
            + "Types: deb\n"
            + $"URIs: {machineSource.MirrorUri}\n"
            + "Suites: trixie\n"
            + "Components: main\n"
            + (machineSource.SignedBy is null ? string.Empty : $"Signed-By: {machineSource.SignedBy}\n");
        const string pin = "# Written by 'conformance setup': take from trixie only what is asked for by name.\n"
            + "Package: *\n"
            + "Pin: release n=trixie\n"
            + "Pin-Priority: 100\n";
        return (source, pin);
    }

    private void WriteTrixieSource(string codename)
    {
        var machineSource = AptSource.FindFor(codename, root)
            ?? throw new HarnessSetupException(
                $"No apt source for '{codename}' found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list; "
                + "cannot derive a trixie source from it. Install Docker Engine 25 or newer by hand.");
        var (source, pin) = TrixieFiles(machineSource);
        log($"adding apt source for trixie (mirror {machineSource.MirrorUri}, keyring {machineSource.SignedBy ?? "default"}) pinned at priority 100");
        File.WriteAllText(Path.Combine(root, TrixieSourceFile), source);
        File.WriteAllText(Path.Combine(root, TrixiePinFile), pin);
    }

    private Task AptAsync(string[] arguments, CancellationToken cancellationToken) =>
        AptGet.RunAsync(arguments, log, "Install Docker Engine 25 or newer by hand, start it, and run 'conformance setup' again.", cancellationToken);
}
