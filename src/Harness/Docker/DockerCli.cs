using Conformance.Harness.Processes;

namespace Conformance.Harness.Docker;

/// <summary>The docker command-line client against one engine endpoint (null: the client's default).</summary>
public sealed class DockerCli(string? endpoint = null)
{
    public string? Endpoint { get; } = endpoint;

    public static bool IsInstalled => ProcessRunner.FindOnPath("docker") is not null;

    public Task<ProcessResult> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Action<string>? echo = null, Stream? standardInput = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var all = Endpoint is null ? arguments : new[] { "-H", Endpoint }.Concat(arguments);
        return ProcessRunner.RunAsync("docker", all, cancellationToken, echo, standardInput);
    }

    /// <summary>Runs and returns trimmed stdout, or throws <see cref="DockerCommandException"/> with the output.</summary>
    public async Task<string> RunCheckedAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Action<string>? echo = null, Stream? standardInput = null)
    {
        var list = arguments.ToList();
        var result = await RunAsync(list, cancellationToken, echo, standardInput).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new DockerCommandException($"docker {string.Join(' ', list)}", result);
        }

        return result.StandardOutput.Trim();
    }

    /// <summary>Lines of stdout, empty lines dropped.</summary>
    public async Task<IReadOnlyList<string>> LinesAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var output = await RunCheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["image", "inspect", "--format", "{{.Id}}", image], cancellationToken).ConfigureAwait(false);
        return result.Succeeded;
    }
}
