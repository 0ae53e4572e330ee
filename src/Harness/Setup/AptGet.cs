using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>Runs apt-get non-interactively for setup, printing its output as it goes.</summary>
internal static class AptGet
{
    /// <param name="whenFailed">What to tell the user when apt-get fails (how to get the package by hand).</param>
    public static async Task RunAsync(string[] arguments, Action<string> log, string whenFailed, CancellationToken cancellationToken)
    {
        log($"apt-get {string.Join(' ', arguments)}");
        var result = await ProcessRunner.RunAsync(
            "apt-get",
            arguments,
            cancellationToken,
            line => log("  " + line),
            environment: new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" }).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new HarnessSetupException(
                $"apt-get {string.Join(' ', arguments)} failed (exit {result.ExitCode}); see the output above. {whenFailed}");
        }
    }

    /// <summary>Installs Debian packages (after an update) where setup may: root, apt-get present, installing allowed.</summary>
    public static async Task InstallAsync(string[] packages, bool mayInstall, Action<string> log, string whenFailed, CancellationToken cancellationToken)
    {
        if (!mayInstall || !Environment.IsPrivilegedProcess || ProcessRunner.FindOnPath("apt-get") is null)
        {
            throw new HarnessSetupException(
                $"{string.Join(", ", packages)} is not installed and setup cannot install it here "
                + "(it needs root, apt-get, and CONFORMANCE_NO_INSTALL unset). " + whenFailed);
        }

        await RunAsync(["update", "-qq"], log, whenFailed, cancellationToken).ConfigureAwait(false);
        await RunAsync(["install", "-y", "-q", "--no-install-recommends", .. packages], log, whenFailed, cancellationToken).ConfigureAwait(false);
    }
}
