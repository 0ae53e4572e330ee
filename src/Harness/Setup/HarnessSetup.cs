using System.Diagnostics;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>
/// The one idempotent setup step: the host's DCMTK/GDCM tools, engine, Ryuk policy, leftovers of killed runs, base image,
/// peer images. `conformance setup` and the test assemblies' one-time setup both call
/// <see cref="RunAsync"/>; a second call in the same process returns the first one's result,
/// and a call after a completed setup only finds what is there.
/// </summary>
public static class HarnessSetup
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static HarnessEnvironment? completed;

    public static async Task<HarnessEnvironment> RunAsync(HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        await Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (completed is not null && completed.Settings == settings)
            {
                return completed;
            }

            using (await SetupLock.AcquireAsync(log, cancellationToken).ConfigureAwait(false))
            {
                completed = await RunLockedAsync(settings, log, cancellationToken).ConfigureAwait(false);
                return completed;
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Only the host's DCMTK and GDCM tools (what `conformance run` needs before the matrix), under the
    /// same machine-wide lock as the full setup. Returns the packages still missing.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EnsureHostToolsAsync(HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (HostDicomTools.Missing().Count == 0)
        {
            return [];
        }

        using (await SetupLock.AcquireAsync(log, cancellationToken).ConfigureAwait(false))
        {
            return await HostDicomTools.EnsureAsync(settings, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<HarnessEnvironment> RunLockedAsync(HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();

        // Before the engine: the host-process tests and `run` need these even where no engine can be had.
        await HostDicomTools.EnsureAsync(settings, log, cancellationToken).ConfigureAwait(false);
        var docker = new DockerCli(settings.DockerHost);

        var engine = await Timed("engine", () => EnsureEngineAsync(docker, settings, log, cancellationToken), log).ConfigureAwait(false);
        var ryuk = await RyukPolicy.ApplyAsync(docker, settings, log, cancellationToken).ConfigureAwait(false);
        await new SuiteJanitor(docker, log).RemoveLeftoversAsync(cancellationToken).ConfigureAwait(false);
        await HostMeasurementTools.EnsureAsync(settings, log, cancellationToken).ConfigureAwait(false);

        var baseImages = new BaseImageProvider(docker, settings, log);
        var choice = await baseImages.ChooseAsync(cancellationToken).ConfigureAwait(false);
        log($"base images: {choice.Source.ToString().ToLowerInvariant()} ({choice.Image}) because {choice.Reason}");
        await Timed("base image", () => Done(baseImages.EnsureLocalAsync(choice, cancellationToken)), log).ConfigureAwait(false);

        var builder = new PeerImageBuilder(docker, log);
        var images = new Dictionary<string, PeerImage>(StringComparer.Ordinal);
        foreach (var family in PeerFamily.All)
        {
            images[family.Name] = await Timed(
                $"{family.Name} image",
                () => builder.EnsureAsync(family, settings.DebianSuite, choice.Image, cancellationToken),
                log).ConfigureAwait(false);
        }

        log($"setup complete in {total.Elapsed.TotalSeconds:F1} s");
        return new HarnessEnvironment(settings, docker, engine, choice, images, ryuk);
    }

    /// <summary>Finds a usable engine or makes one; throws <see cref="HarnessSetupException"/> saying what is missing.</summary>
    public static async Task<DockerEngineStatus> EnsureEngineAsync(DockerCli docker, HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        log($"looking for a Docker engine at {docker.Endpoint ?? "the default endpoint"}");
        var status = await DockerEngineProbe.ProbeAsync(docker, cancellationToken).ConfigureAwait(false);
        if (status.Usable)
        {
            log($"found {status.Detail}");
            return status;
        }

        if (status.Reachable)
        {
            throw new HarnessSetupException(
                $"The Docker engine at {docker.Endpoint ?? "the default endpoint"} speaks API {status.ApiVersion} (Engine {status.EngineVersion}); "
                + $"Testcontainers needs API {DockerEngineStatus.MinimumApi} or newer (Docker Engine 25+). Upgrade the engine, or point DOCKER_HOST at a newer one.");
        }

        log($"no engine answers ({status.Detail})");
        if (settings.DockerHost is not null)
        {
            throw new HarnessSetupException(
                $"DOCKER_HOST={settings.DockerHost} does not answer ({status.Detail}). Start that engine (API {DockerEngineStatus.MinimumApi}+) or unset DOCKER_HOST to use a local one.");
        }

        if (!Environment.IsPrivilegedProcess)
        {
            throw new HarnessSetupException(
                $"No Docker engine is reachable ({status.Detail}) and setup is not running as root, so it cannot install or start one. "
                + "Either run 'conformance setup' as root on Debian/Ubuntu, or install Docker Engine 25+ (API 1.44+), start it, and make /var/run/docker.sock accessible to this user.");
        }

        if (!await HasModernDockerdAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!settings.MayInstall)
            {
                throw new HarnessSetupException("No Docker engine 25+ is installed and CONFORMANCE_NO_INSTALL forbids installing one. Run 'conformance setup' without it.");
            }

            await new DockerEngineInstaller(log).InstallAsync(OsRelease.Read(), cancellationToken).ConfigureAwait(false);
        }

        status = await new DockerDaemonStarter(log, settings.DockerdLogPath).StartAsync(cancellationToken).ConfigureAwait(false);
        if (!status.Usable)
        {
            throw new HarnessSetupException($"dockerd started but speaks API {status.ApiVersion}; API {DockerEngineStatus.MinimumApi}+ is needed.");
        }

        return status;
    }

    /// <summary>Whether an installed dockerd is version 25 or newer (API 1.44+).</summary>
    private static async Task<bool> HasModernDockerdAsync(CancellationToken cancellationToken)
    {
        if (ProcessRunner.FindOnPath("dockerd") is null)
        {
            return false;
        }

        var result = await ProcessRunner.RunAsync("dockerd", ["--version"], cancellationToken).ConfigureAwait(false);
        var words = result.StandardOutput.Split(' ', ',', '+', '-');
        var version = words.Select(w => Version.TryParse(w, out var v) ? v : null).FirstOrDefault(v => v is not null);
        return version is not null && version.Major >= 25;
    }

    private static async Task<T> Timed<T>(string what, Func<Task<T>> step, Action<string> log)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await step().ConfigureAwait(false);
        log($"[{what}: {stopwatch.Elapsed.TotalSeconds:F1} s]");
        return result;
    }

    private static async Task<bool> Done(Task task)
    {
        await task.ConfigureAwait(false);
        return true;
    }
}
