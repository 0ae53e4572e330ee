namespace Conformance.Harness.Peers.Tools;

/// <summary>What an SCU tool run produced: exit code, output, parsed DIMSE statuses, and its wall time inside the container.</summary>
public sealed record ToolResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public string Output => StandardOutput + StandardError;

    public IReadOnlyList<DimseStatusLine> Statuses => DimseStatusParser.Parse(Output);

    public override string ToString() => $"{CommandLine} -> exit {ExitCode} in {Elapsed.TotalMilliseconds:F1} ms";
}
