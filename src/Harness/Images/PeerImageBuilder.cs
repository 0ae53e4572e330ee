using System.Text;
using Conformance.Harness.Docker;

namespace Conformance.Harness.Images;

/// <summary>
/// Builds a peer image once and reuses it: the tag carries a hash of the Dockerfile folder, the
/// suite and the base image, so an unchanged image is found by tag and never rebuilt.
/// Versions: the image is built, the installed versions are read with dpkg-query from a
/// container of it, then a one-line "FROM" build adds them as labels. The labels therefore say
/// exactly what is installed, not what a package index promised.
/// </summary>
public sealed class PeerImageBuilder(DockerCli docker, Action<string> log)
{
    public async Task<PeerImage> EnsureAsync(PeerFamily family, string suite, string baseImage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(family);
        var hash = ContainerSources.ContentHash(family, suite, baseImage);
        var tag = PeerImage.TagFor(family, suite, hash);
        var existing = await ReadVersionsAsync(tag, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            log($"peer image {tag} is present ({Describe(existing)}); reusing it");
            return new PeerImage(family, suite, tag, existing);
        }

        var stage = tag + "-unlabelled";
        var context = ContainerSources.WriteBuildContext(family);
        try
        {
            log($"building {tag} from containers/{family.Name}/Dockerfile (BASE_IMAGE={baseImage}, SUITE={suite})");
            await docker.RunCheckedAsync(
                ["build", "--build-arg", $"BASE_IMAGE={baseImage}", "--build-arg", $"SUITE={suite}", "-t", stage, context],
                cancellationToken,
                line => log("  " + line)).ConfigureAwait(false);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }

        var query = await docker.LinesAsync(
            ["run", "--rm", "--network", "none", .. SuiteLabels.CliArguments, stage, "dpkg-query", "-W", "-f", "${Package}=${Version}\\n", .. family.VersionedPackages],
            cancellationToken).ConfigureAwait(false);
        var versions = query.Select(line => line.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);

        var labels = new List<string>
        {
            "--label", SuiteLabels.SuiteFilter,
            "--label", $"{SuiteLabels.Family}={family.Name}",
            "--label", $"{SuiteLabels.DebianSuite}={suite}",
            "--label", $"{SuiteLabels.ContentHash}={hash}",
        };
        foreach (var (package, version) in versions)
        {
            labels.AddRange(["--label", $"{SuiteLabels.VersionPrefix}{package}={version}"]);
        }

        using var dockerfile = new MemoryStream(Encoding.UTF8.GetBytes($"FROM {stage}\n"));
        await docker.RunCheckedAsync(["build", "-q", .. labels, "-t", tag, "-"], cancellationToken, standardInput: dockerfile).ConfigureAwait(false);
        await docker.RunAsync(["image", "rm", stage], cancellationToken).ConfigureAwait(false);
        log($"built {tag} ({Describe(versions)})");
        return new PeerImage(family, suite, tag, versions);
    }

    /// <summary>The version labels of an existing suite image, or null if the tag does not exist.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> ReadVersionsAsync(string tag, CancellationToken cancellationToken)
    {
        var result = await docker.RunAsync(
            ["image", "inspect", "--format", "{{range $k, $v := .Config.Labels}}{{$k}}={{$v}}\n{{end}}", tag],
            cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return null;
        }

        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith(SuiteLabels.VersionPrefix, StringComparison.Ordinal))
            .Select(line => line[SuiteLabels.VersionPrefix.Length..].Split('=', 2))
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
    }

    private static string Describe(IReadOnlyDictionary<string, string> versions) =>
        versions.Count == 0 ? "no versions recorded" : string.Join(", ", versions.Select(v => $"{v.Key} {v.Value}"));
}
