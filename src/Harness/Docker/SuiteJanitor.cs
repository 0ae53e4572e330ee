using System.Globalization;

namespace Conformance.Harness.Docker;

/// <summary>
/// Removes the suite's containers and networks by label: those of this run at its end, those of
/// killed runs (owner pid gone on this machine) at the start of the next, or all on request.
/// </summary>
public sealed class SuiteJanitor(DockerCli docker, Action<string> log)
{
    /// <summary>Resources of runs whose owning process on this machine no longer exists.</summary>
    public Task<int> RemoveLeftoversAsync(CancellationToken cancellationToken) =>
        RemoveAsync(IsLeftover, "left by runs that are gone", cancellationToken);

    /// <summary>Resources of one run (normally this one, at its end).</summary>
    public Task<int> RemoveRunAsync(string runId, CancellationToken cancellationToken) =>
        RemoveAsync(labels => labels.GetValueOrDefault(SuiteLabels.RunId) == runId, $"of run {runId}", cancellationToken);

    /// <summary>Every suite container and network, whoever made it.</summary>
    public Task<int> RemoveAllAsync(CancellationToken cancellationToken) =>
        RemoveAsync(_ => true, "of the suite", cancellationToken);

    /// <summary>Every suite image (peer and base images).</summary>
    public async Task<int> RemoveImagesAsync(CancellationToken cancellationToken)
    {
        var ids = await docker.LinesAsync(["image", "ls", "-q", "--filter", $"label={SuiteLabels.SuiteFilter}"], cancellationToken).ConfigureAwait(false);
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 0)
        {
            log($"removing {distinct.Count} suite image(s)");
            await docker.RunAsync(["image", "rm", "-f", .. distinct], cancellationToken).ConfigureAwait(false);
        }

        return distinct.Count;
    }

    /// <summary>Suite containers (any state) and networks currently on the engine.</summary>
    public async Task<(int Containers, int Networks)> CountAsync(Func<IReadOnlyDictionary<string, string>, bool> select, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(select);
        var containers = await ListAsync("container", cancellationToken).ConfigureAwait(false);
        var networks = await ListAsync("network", cancellationToken).ConfigureAwait(false);
        return (containers.Count(c => select(c.Labels)), networks.Count(n => select(n.Labels)));
    }

    public static bool IsLeftover(IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.GetValueOrDefault(SuiteLabels.OwnerHost) != Environment.MachineName)
        {
            return false;
        }

        return !int.TryParse(labels.GetValueOrDefault(SuiteLabels.OwnerPid), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            || !SuiteLabels.IsProcessAlive(pid);
    }

    private async Task<int> RemoveAsync(Func<IReadOnlyDictionary<string, string>, bool> select, string what, CancellationToken cancellationToken)
    {
        var containers = (await ListAsync("container", cancellationToken).ConfigureAwait(false)).Where(c => select(c.Labels)).Select(c => c.Id).ToList();
        if (containers.Count > 0)
        {
            log($"removing {containers.Count} container(s) {what}");
            await docker.RunAsync(["rm", "-f", "-v", .. containers], cancellationToken).ConfigureAwait(false);
        }

        var networks = (await ListAsync("network", cancellationToken).ConfigureAwait(false)).Where(n => select(n.Labels)).Select(n => n.Id).ToList();
        if (networks.Count > 0)
        {
            log($"removing {networks.Count} network(s) {what}");
            await docker.RunAsync(["network", "rm", .. networks], cancellationToken).ConfigureAwait(false);
        }

        return containers.Count + networks.Count;
    }

    private async Task<List<(string Id, IReadOnlyDictionary<string, string> Labels)>> ListAsync(string kind, CancellationToken cancellationToken)
    {
        string[] arguments = kind == "container"
            ? ["container", "ls", "-a", "--filter", $"label={SuiteLabels.SuiteFilter}", "--format", "{{.ID}}\t{{.Labels}}"]
            : ["network", "ls", "--filter", $"label={SuiteLabels.SuiteFilter}", "--format", "{{.ID}}\t{{.Labels}}"];
        var lines = await docker.LinesAsync(arguments, cancellationToken).ConfigureAwait(false);
        return lines.Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], ParseLabels(parts.Length > 1 ? parts[1] : string.Empty)))
            .ToList();
    }

    /// <summary>docker's "{{.Labels}}" format: k=v,k=v (our values never contain commas).</summary>
    public static IReadOnlyDictionary<string, string> ParseLabels(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .GroupBy(pair => pair[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
    }
}
