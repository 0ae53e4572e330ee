using System.Diagnostics;
using Conformance.Harness.Docker;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>
/// Starts dockerd without systemd, detached (its own session) so it outlives the setup process,
/// with the suite's address pools: automatic pools in 198.18.0.0/16, the default bridge and the
/// suite's explicitly addressed networks in 198.19.0.0/16.
/// </summary>
public sealed class DockerDaemonStarter(Action<string> log, string logPath)
{
    public const string PidFile = "/var/run/docker.pid";
    public const string Socket = "/var/run/docker.sock";

    public static readonly IReadOnlyList<string> Arguments =
    [
        "-H", "unix://" + Socket,
        "--default-address-pool", "base=198.18.0.0/16,size=24",
        "--bip", "198.19.255.1/24",
    ];

    public async Task<DockerEngineStatus> StartAsync(CancellationToken cancellationToken)
    {
        var running = RunningDockerdPid();
        if (running is null)
        {
            RemoveStalePidFile();
            log($"starting dockerd {string.Join(' ', Arguments)} (detached, log: {logPath})");
            await LaunchDetachedAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            log($"dockerd (pid {running}) is running but not answering yet; waiting for it");
        }

        var stopwatch = Stopwatch.StartNew();
        var docker = new DockerCli();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (File.Exists(Socket))
            {
                var status = await DockerEngineProbe.ProbeAsync(docker, cancellationToken).ConfigureAwait(false);
                if (status.Reachable)
                {
                    log($"dockerd answers after {stopwatch.Elapsed.TotalSeconds:F1} s: {status.Detail}");
                    return status;
                }
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false);
        }

        throw new HarnessSetupException(
            $"dockerd did not answer on {Socket} within 90 s. Last lines of {logPath}:\n{Tail(logPath, 20)}");
    }

    /// <summary>The pid in /var/run/docker.pid if that process is alive and is dockerd.</summary>
    public static int? RunningDockerdPid()
    {
        if (!File.Exists(PidFile) || !int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid))
        {
            return null;
        }

        var comm = $"/proc/{pid}/comm";
        return File.Exists(comm) && File.ReadAllText(comm).Trim() == "dockerd" ? pid : null;
    }

    private void RemoveStalePidFile()
    {
        if (File.Exists(PidFile))
        {
            log($"removing stale {PidFile} (its process is gone or is not dockerd)");
            File.Delete(PidFile);
        }
    }

    private async Task LaunchDetachedAsync(CancellationToken cancellationToken)
    {
        if (ProcessRunner.FindOnPath("dockerd") is null)
        {
            throw new HarnessSetupException("dockerd is not installed; cannot start an engine.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);

        // setsid -f: a new session, so the daemon survives this process and its terminal.
        var script = "exec setsid -f dockerd \"$@\" >>\"$CONFORMANCE_DOCKERD_LOG\" 2>&1 </dev/null";
        var result = await ProcessRunner.RunAsync(
            "/bin/sh",
            new[] { "-c", script, "sh" }.Concat(Arguments),
            cancellationToken,
            environment: new Dictionary<string, string> { ["CONFORMANCE_DOCKERD_LOG"] = logPath }).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new HarnessSetupException($"could not launch dockerd: {result.CombinedOutput}");
        }
    }

    private static string Tail(string path, int lines) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log written)";
}
