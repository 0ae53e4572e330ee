using Conformance.Harness.Processes;

namespace Conformance.Harness.Peers.Tools;

/// <summary>What an SCU tool run produced: exit code, output, parsed DIMSE statuses, and its wall time inside the container.</summary>
public sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public string Output => StandardOutput + StandardError;

    public IReadOnlyList<DimseStatusLine> Statuses => DimseStatusParser.Parse(Output);

    /// <summary>This run as a <see cref="ProcessResult"/>, so DCMTK's log parser reads it (lines unstamped).</summary>
    public ProcessResult ToProcessResult()
    {
        var lines = Output.Split('\n').Select(l => new StampedLine(0, false, l)).ToList();
        return new ProcessResult(ExitCode, StandardOutput, StandardError, Elapsed) { Tool = CommandLine, Lines = lines };
    }

    public override string ToString() => $"{CommandLine} -> exit {ExitCode} in {Elapsed.TotalMilliseconds:F1} ms";
}
