using Conformance.Harness.Processes;

namespace Conformance.Cli.Commands.Run;

/// <summary>
/// Has DCMTK's dcmdump read a file and collects what it complained about: a non-zero exit, anything
/// on stderr, and log lines starting with W: (warning), E: (error) or F: (fatal).
/// </summary>
internal static class DcmdumpCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<string>> ProblemsAsync(string dcmdump, string file, CancellationToken cancellationToken)
    {
        var result = await RunAsync(dcmdump, file, cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        if (result.ExitCode != 0)
        {
            problems.Add($"dcmdump exited {result.ExitCode}");
        }

        problems.AddRange(ProblemLines(result.StandardError).Select(line => "stderr: " + line));
        problems.AddRange(ProblemLines(result.StandardOutput).Where(IsLogLine).Select(line => "stdout: " + line));
        return problems;
    }

    /// <summary>Runs dcmdump on the file; the runner kills it (by PID, with its tree) when it outlives <see cref="Timeout"/>.</summary>
    private static async Task<ProcessResult> RunAsync(string dcmdump, string file, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            return await ProcessRunner.RunAsync(dcmdump, [file], deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{dcmdump} {file} did not finish within {Timeout.TotalSeconds:F0} s and was killed");
        }
    }

    private static bool IsLogLine(string line) =>
        line.StartsWith("W:", StringComparison.Ordinal) || line.StartsWith("E:", StringComparison.Ordinal) || line.StartsWith("F:", StringComparison.Ordinal);

    private static string[] ProblemLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
