using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// A catalogued peer defect (the matrix's catalogue, docs/matrix.md) that a C-MOVE SCU tool of the scenario showed:
/// its id, how it is recognised, and the tool's last words. The catalogue sits above this layer, so the caller
/// hands the scenario a <see cref="ToolDefectRecognizer"/>.
/// </summary>
public sealed record ToolDefect(string Id, string Recognition, string Said)
{
    /// <summary>The last <paramref name="lines"/> non-empty lines of a tool's output, on one line.</summary>
    public static string Tail(ToolResult result, int lines = 3)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(' ', result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
    }
}

/// <summary>Recognises a catalogued defect in a tool's run; null when the run shows none.</summary>
public delegate ToolDefect? ToolDefectRecognizer(ToolResult result);
