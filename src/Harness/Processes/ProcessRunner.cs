namespace Conformance.Harness.Processes;

/// <summary>
/// One-shot runs for setup-style callers (docker, apt-get, debootstrap): no timeout but the token, output
/// optionally echoed line by line. The same implementation as <see cref="HostProcessRunner"/>.
/// </summary>
public static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken,
        Action<string>? echo = null,
        Stream? standardInput = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = new ProcessStart(fileName, arguments.ToList())
        {
            Timeout = Timeout.InfiniteTimeSpan,
            Echo = echo,
            StandardInput = standardInput,
            Environment = environment?.ToDictionary(e => e.Key, e => (string?)e.Value, StringComparer.Ordinal) ?? new Dictionary<string, string?>(),
        };
        using var runner = new HostProcessRunner();
        return await runner.RunAsync(start, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether a program can be found on PATH (or is an existing absolute path).</summary>
    public static string? FindOnPath(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (Path.IsPathRooted(program))
        {
            return File.Exists(program) ? program : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
