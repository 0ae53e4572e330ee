using Conformance.Harness.Docker;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// Runs an external SUT's commands on this host, or in a container of <paramref name="image"/> on the host
/// network (so it is still "our side" of every topology) with the folders it touches bound at the same paths.
/// </summary>
public sealed class SutCommandRunner(string? image)
{
    public string? Image { get; } = image;

    public async Task<ProcessResult> RunAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> folders, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var runner = new HostProcessRunner();
        return await runner.RunAsync(Start(command, environment, folders, name: null) with { Timeout = timeout }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts a long-running command (an SCP); disposing the handle kills it (and removes its container).</summary>
    public SutProcess StartBackground(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> folders)
    {
        var runner = new HostProcessRunner();
        var name = Image is null ? null : $"conformance-sut-{SuiteLabels.CurrentRunId}-{Guid.NewGuid().ToString("N")[..8]}";
        return new SutProcess(runner, runner.StartBackground(Start(command, environment, folders, name)), name);
    }

    private ProcessStart Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string?> environment, IEnumerable<string> folders, string? name)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Image is null)
        {
            return new ProcessStart(command[0], command.Skip(1).ToList()) { Environment = environment };
        }

        var arguments = new List<string> { "run", "--rm", "--init", "--network", "host" };
        arguments.AddRange(SuiteLabels.CliArguments);
        if (name is not null)
        {
            arguments.AddRange(["--name", name]);
        }

        foreach (var (key, value) in environment.Where(e => e.Value is not null))
        {
            arguments.AddRange(["-e", $"{key}={value}"]);
        }

        foreach (var folder in folders.Distinct(StringComparer.Ordinal))
        {
            arguments.AddRange(["-v", $"{folder}:{folder}"]);
        }

        arguments.Add(Image);
        arguments.AddRange(command);
        return new ProcessStart("docker", arguments);
    }
}

/// <summary>A background SUT process (and its container, in container mode).</summary>
public sealed class SutProcess(HostProcessRunner runner, BackgroundProcess process, string? containerName) : IAsyncDisposable
{
    public BackgroundProcess Process { get; } = process;

    public async ValueTask DisposeAsync()
    {
        if (containerName is not null)
        {
            await ProcessRunner.RunAsync("docker", ["rm", "-f", containerName], CancellationToken.None).ConfigureAwait(false);
        }

        Process.Dispose();
        runner.Dispose();
    }
}
