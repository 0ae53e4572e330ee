namespace Conformance.Interop.Tests.Support;

/// <summary>
/// DCMTK's dcmdump as a reader of record: a file passes when dcmdump exits 0, prints nothing on
/// stderr, and no line of its output is a log line of level W: (warning), E: (error) or F: (fatal).
/// </summary>
public static class Dcmdump
{
    public static async Task<HostProcessResult> DumpAsync(HostProcessRunner runner, string file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        HostTools.Require("dcmdump");
        return await runner.RunAsync("dcmdump", [file], cancellationToken);
    }

    /// <summary>Everything in the result that counts against the file; empty when dcmdump read it cleanly.</summary>
    public static IReadOnlyList<string> Problems(HostProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var problems = new List<string>();
        if (result.ExitCode != 0)
        {
            problems.Add($"exit code {result.ExitCode}");
        }

        problems.AddRange(Lines(result.StandardError).Select(line => "stderr: " + line));
        problems.AddRange(Lines(result.StandardOutput).Where(IsLogLine).Select(line => "stdout: " + line));
        return problems;
    }

    /// <summary>Asserts that dcmdump read <paramref name="file"/> cleanly; the failure shows everything it printed.</summary>
    public static async Task AssertReadsCleanlyAsync(HostProcessRunner runner, string file, CancellationToken cancellationToken)
    {
        var result = await DumpAsync(runner, file, cancellationToken);
        Problems(result).Should().BeEmpty($"dcmdump must read {file} without warnings or errors:\n{result.Describe()}");
    }

    private static bool IsLogLine(string line) =>
        line.StartsWith("W:", StringComparison.Ordinal) || line.StartsWith("E:", StringComparison.Ordinal) || line.StartsWith("F:", StringComparison.Ordinal);

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
