using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>
/// DCMTK's and GDCM's command-line tools on this host: `conformance run` has dcmdump read what it
/// writes, and the host-process tests run storescp, echoscu, gdcmscu and the others directly. Setup
/// installs the Debian packages when they are missing and it may (root, apt-get, installing allowed);
/// otherwise it says what to run. It never fails setup by itself: a test that needs a missing tool
/// fails with its own message, and the container tests do not need these.
/// </summary>
public static class HostDicomTools
{
    /// <summary>One tool per package, the one whose absence shows the package is missing.</summary>
    public static IReadOnlyList<(string Package, string Tool)> Packages { get; } = [("dcmtk", "dcmdump"), ("libgdcm-tools", "gdcmscu")];

    public const string InstallHint = "apt-get install dcmtk libgdcm-tools (as root), or run 'conformance setup' as root";

    /// <summary>The packages whose tool is not on PATH.</summary>
    public static IReadOnlyList<string> Missing(Func<string, string?>? findOnPath = null)
    {
        var find = findOnPath ?? ProcessRunner.FindOnPath;
        return Packages.Where(p => find(p.Tool) is null).Select(p => p.Package).ToList();
    }

    /// <summary>Installs what is missing where it may; returns what is still missing afterwards (empty when all is there).</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var missing = Missing();
        if (missing.Count == 0)
        {
            log("DCMTK and GDCM tools are on this host (dcmdump, gdcmscu, ...)");
            return missing;
        }

        if (!settings.MayInstall || !Environment.IsPrivilegedProcess || ProcessRunner.FindOnPath("apt-get") is null)
        {
            log($"host tools missing: {string.Join(", ", missing)}; setup cannot install them here (needs root, apt-get and CONFORMANCE_NO_INSTALL unset): {InstallHint}");
            return missing;
        }

        log($"installing {string.Join(", ", missing)} on this host (DCMTK/GDCM tools for `run` and the host-process tests)");
        try
        {
            await AptGet.InstallAsync([.. missing], settings.MayInstall, log, $"Install them by hand: {InstallHint}.", cancellationToken).ConfigureAwait(false);
        }
        catch (HarnessSetupException ex)
        {
            log(ex.Message);
        }

        var still = Missing();
        log(still.Count == 0 ? $"installed {string.Join(", ", missing)}" : $"still missing after apt-get: {string.Join(", ", still)}; {InstallHint}");
        return still;
    }
}
