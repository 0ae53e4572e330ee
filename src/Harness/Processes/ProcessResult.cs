namespace Conformance.Harness.Processes;

/// <summary>What a finished process left behind: exit code, its two streams, how long it ran, and every line with its arrival stamp.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public string Tool { get; init; } = "";

    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Every line of both streams in arrival order, stamped (see <see cref="StampedLine"/>).</summary>
    public IReadOnlyList<StampedLine> Lines { get; init; } = [];

    public bool Succeeded => ExitCode == 0;

    /// <summary>Both streams, stdout first, for assertions on text either stream may carry.</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>Both streams, for error messages and logs.</summary>
    public string CombinedOutput => Output;

    /// <summary>The command line as a shell would show it, for messages.</summary>
    public string CommandLine => Tool + " " + string.Join(' ', Arguments.Select(a => a.Length == 0 || a.Any(char.IsWhiteSpace) ? $"\"{a}\"" : a));

    /// <summary>One block with command, exit code, stdout and stderr, for assertion messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms\n" +
        $"--- stdout ---\n{Truncate(StandardOutput)}\n--- stderr ---\n{Truncate(StandardError)}";

    private static string Truncate(string text) =>
        text.Length <= 4000 ? text : string.Concat(text.AsSpan(0, 4000), "\n... (truncated)");
}
