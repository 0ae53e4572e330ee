namespace Conformance.Interop.Tests.Support;

/// <summary>What a finished host process left behind: its exit code and everything it printed.</summary>
public sealed record HostProcessResult(
    string Tool,
    IReadOnlyList<string> Arguments,
    int ExitCode,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed)
{
    /// <summary>Everything it printed: stdout, then stderr (for assertions on text that either stream may carry).</summary>
    public string Output => StandardOutput + StandardError;

    /// <summary>The command line as a shell would show it, for assertion messages.</summary>
    public string CommandLine => Tool + " " + string.Join(' ', Arguments.Select(Quote));

    /// <summary>One block with command, exit code, stdout and stderr, for assertion messages.</summary>
    public string Describe() =>
        $"`{CommandLine}` exited {ExitCode} after {Elapsed.TotalMilliseconds:F0} ms\n" +
        $"--- stdout ---\n{Truncate(StandardOutput)}\n--- stderr ---\n{Truncate(StandardError)}";

    private static string Quote(string argument) =>
        argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? $"\"{argument}\"" : argument;

    private static string Truncate(string text) =>
        text.Length <= 4000 ? text : string.Concat(text.AsSpan(0, 4000), "\n... (truncated)");
}
