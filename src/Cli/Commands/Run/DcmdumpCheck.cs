namespace Conformance.Cli.Commands.Run;

/// <summary>
/// Has DCMTK's dcmdump read a file and collects what it complained about: a non-zero exit, anything
/// on stderr, and log lines starting with W: (warning), E: (error) or F: (fatal).
/// </summary>
internal static class DcmdumpCheck
{
    public static async Task<IReadOnlyList<string>> ProblemsAsync(string dcmdump, string file, CancellationToken cancellationToken)
    {
        var result = await ToolProcess.RunAsync(dcmdump, [file], TimeSpan.FromMinutes(2), cancellationToken).ConfigureAwait(false);
        var problems = new List<string>();
        if (result.ExitCode != 0)
        {
            problems.Add($"dcmdump exited {result.ExitCode}");
        }

        problems.AddRange(ProblemLines(result.StandardError).Select(line => "stderr: " + line));
        problems.AddRange(ProblemLines(result.StandardOutput).Where(IsLogLine).Select(line => "stdout: " + line));
        return problems;
    }

    private static bool IsLogLine(string line) =>
        line.StartsWith("W:", StringComparison.Ordinal) || line.StartsWith("E:", StringComparison.Ordinal) || line.StartsWith("F:", StringComparison.Ordinal);

    private static string[] ProblemLines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
