using Conformance.Harness.Defects;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Scenarios.Seed2016;

/// <summary>
/// A catalogued peer defect (<see cref="PeerDefectCatalog"/>, docs/matrix.md) that a C-MOVE SCU tool of the scenario
/// showed: its id, how it is recognised, and the tool's last words.
/// </summary>
public sealed record ToolDefect(string Id, string Recognition, string Said)
{
    /// <summary>The catalogued defect of <paramref name="peer"/> its run shows (the catalogue's rule, as the matrix applies it); null when none.</summary>
    public static ToolDefect? Of(PeerTool peer, ToolResult result) =>
        PeerDefectCatalog.Recognize(peer, result) is { } defect ? new ToolDefect(defect.Id, defect.Recognition, Tail(result)) : null;

    /// <summary>The last <paramref name="lines"/> non-empty lines of a tool's output, on one line.</summary>
    public static string Tail(ToolResult result, int lines = 3)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Join(' ', result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(lines));
    }
}
