using Conformance.Harness.Docker;
using Conformance.Harness.Images;

namespace Conformance.Harness.Setup;

/// <summary>
/// Reports what setup would find, without installing or building anything: engine, base image,
/// peer images and their versions, Ryuk, kernel features, leftovers. Returns what is missing.
/// </summary>
public static class HarnessDoctor
{
    public static async Task<IReadOnlyList<string>> ExamineAsync(HarnessSettings settings, Action<string> say, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(say);
        var missing = new List<string>();
        var docker = new DockerCli(settings.DockerHost);
        var hostTools = HostDicomTools.Missing();
        say($"host DCMTK/GDCM tools: {(hostTools.Count == 0 ? "on PATH" : "MISSING " + string.Join(", ", hostTools))}");
        if (hostTools.Count > 0)
        {
            missing.Add($"host packages {string.Join(", ", hostTools)}: {HostDicomTools.InstallHint}");
        }

        say($"docker client: {(DockerCli.IsInstalled ? "on PATH" : "MISSING")}");
        var engine = await DockerEngineProbe.ProbeAsync(docker, cancellationToken).ConfigureAwait(false);
        say($"engine at {settings.DockerHost ?? "the default endpoint"}: {(engine.Reachable ? engine.Detail : "not reachable (" + engine.Detail + ")")}");
        if (DockerDaemonStarter.RunningDockerdPid() is { } pid)
        {
            say($"dockerd pid {pid} (from {DockerDaemonStarter.PidFile}), log {settings.DockerdLogPath}");
        }

        if (!engine.Usable)
        {
            missing.Add(engine.Reachable
                ? $"a Docker engine with API {DockerEngineStatus.MinimumApi}+ (found {engine.ApiVersion}); run 'conformance setup' or upgrade the engine"
                : "a running Docker engine; run 'conformance setup' (as root on Debian/Ubuntu it installs and starts one)");
            Report(say, missing);
            return missing;
        }

        var choice = await new BaseImageProvider(docker, settings, _ => { }).ChooseAsync(cancellationToken).ConfigureAwait(false);
        var basePresent = await docker.ImageExistsAsync(choice.Image, cancellationToken).ConfigureAwait(false);
        say($"base images: {choice.Source.ToString().ToLowerInvariant()} ({choice.Image}, {(basePresent ? "present" : "not present")}) because {choice.Reason}");
        if (!basePresent && choice.Source == BaseImageSource.Local)
        {
            missing.Add($"base image {choice.Image}; 'conformance setup' builds it with debootstrap");
        }

        var builder = new PeerImageBuilder(docker, _ => { });
        PeerImage? netTools = null;
        foreach (var family in PeerFamily.All)
        {
            var tag = PeerImage.TagFor(family, settings.DebianSuite, ContainerSources.ContentHash(family, settings.DebianSuite, choice.Image));
            var versions = await builder.ReadVersionsAsync(tag, cancellationToken).ConfigureAwait(false);
            if (versions is null)
            {
                say($"peer image {family.Name}: {tag} NOT BUILT");
                missing.Add($"peer image {tag}; run 'conformance setup'");
                continue;
            }

            say($"peer image {family.Name}: {tag} ({string.Join(", ", versions.Select(v => $"{v.Key} {v.Value}"))})");
            if (family == PeerFamily.NetTools)
            {
                netTools = new PeerImage(family, settings.DebianSuite, tag, versions);
            }
        }

        foreach (var other in await docker.LinesAsync(["image", "ls", "--filter", $"label={SuiteLabels.Family}", "--format", "{{.Repository}}:{{.Tag}}"], cancellationToken).ConfigureAwait(false))
        {
            if (!other.Contains($":{settings.DebianSuite}-", StringComparison.Ordinal))
            {
                say($"  also present: {other}");
            }
        }

        var ryuk = await docker.ImageExistsAsync(RyukPolicy.DefaultImage, cancellationToken).ConfigureAwait(false);
        say($"Ryuk ({RyukPolicy.DefaultImage}): {(ryuk ? "present, enabled" : settings.OnGitHubActions ? "pulled on demand (GitHub Actions)" : "not present, disabled; cleanup by label")}");

        if (netTools is not null)
        {
            var kernel = await KernelFeatures.ProbeAsync(docker, netTools, cancellationToken).ConfigureAwait(false);
            say($"kernel qdiscs ({kernel.Method}): {string.Join(", ", kernel.Qdiscs.Select(q => $"{q.Key} {(q.Value ? "available" : "NOT available")}"))}");
            if (KernelFeatures.KernelConfig("CONFIG_NET_SCH_NETEM") is { } netem)
            {
                say($"  /proc/config.gz: CONFIG_NET_SCH_NETEM {netem}");
            }

            if (!kernel.Has("netem"))
            {
                say("  without netem, topologies cannot add latency; they say so in their notes and measure what the link has");
            }
        }

        var (containers, networks) = await new SuiteJanitor(docker, _ => { }).CountAsync(_ => true, cancellationToken).ConfigureAwait(false);
        say($"suite containers: {containers}, suite networks: {networks}{(containers + networks > 0 ? " ('conformance clean' removes them)" : string.Empty)}");
        Report(say, missing);
        return missing;
    }

    private static void Report(Action<string> say, List<string> missing)
    {
        say(missing.Count == 0 ? "nothing is missing" : "missing:");
        foreach (var item in missing)
        {
            say($"  - {item}");
        }
    }
}
