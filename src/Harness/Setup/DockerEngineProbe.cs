using Conformance.Harness.Docker;

namespace Conformance.Harness.Setup;

/// <summary>What answered at a Docker endpoint, if anything.</summary>
public sealed record DockerEngineStatus(bool Reachable, Version? ApiVersion, string? EngineVersion, string Detail)
{
    /// <summary>Testcontainers 4.x speaks Docker API 1.44 (Engine 25) and newer.</summary>
    public static readonly Version MinimumApi = new(1, 44);

    public bool Usable => Reachable && ApiVersion is not null && ApiVersion >= MinimumApi;
}

/// <summary>Asks the engine for its version through the docker client.</summary>
public static class DockerEngineProbe
{
    public static async Task<DockerEngineStatus> ProbeAsync(DockerCli docker, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(docker);
        if (!DockerCli.IsInstalled)
        {
            return new DockerEngineStatus(false, null, null, "no docker client on PATH");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        var result = await docker.RunAsync(
            ["version", "--format", "{{.Server.APIVersion}} {{.Server.Version}}"], timeout.Token).ConfigureAwait(false);
        var words = result.StandardOutput.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!result.Succeeded || words.Length < 2 || !Version.TryParse(words[0], out var api))
        {
            var why = result.CombinedOutput.Trim().Split('\n').LastOrDefault() ?? "no answer";
            return new DockerEngineStatus(false, null, null, why);
        }

        return new DockerEngineStatus(true, api, words[1], $"Docker Engine {words[1]}, API {api}");
    }
}
