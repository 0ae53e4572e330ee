using Conformance.Harness.Defects;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Matrix.Defects;

/// <summary>
/// A matrix case's verdict from how its peer tool ended, once the exchange was found right: a defect the catalogue
/// recognises (<see cref="PeerDefectCatalog"/>) is <c>peer-defect</c>; a catalogued defect that does not happen with a
/// version it is listed for is reported as such (the row's <c>defect</c> says it no longer occurs).
/// </summary>
public static class PeerDefectVerdict
{
    /// <summary>
    /// The verdict of a case whose exchange the caller has already found right, from how the peer tool ended:
    /// a catalogued defect, a clean exit, or an exit the catalogue does not explain (a failure).
    /// </summary>
    public static CellVerdict Judge(CellContext context, PeerTool peer, ToolResult result, string passMessage, CellTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(result);
        var version = peer.VersionIn(context.Environment);
        if (PeerDefectCatalog.Recognize(peer, result) is { } defect)
        {
            var listed = defect.KnownIn(version) ? string.Empty : $" (seen with {version}, which the catalogue does not list)";
            return CellVerdict.PeerDefect(defect.Id, $"{passMessage}; then the peer misbehaved: {defect.Recognition}{listed}", timings);
        }

        Expect.That(result.ExitCode == 0, $"{passMessage}, but {peer} exited with {result.ExitCode}: {Tail(result.Output)}");
        var stopped = PeerDefectCatalog.ListedFor(peer, version);
        return stopped is null
            ? CellVerdict.Pass(passMessage, timings)
            : CellVerdict.Pass($"{passMessage}; known defect {stopped.Id} did not occur with {version}", timings) with { Defect = $"{stopped.Id}: no longer occurs with {version}" };
    }

    private static string Tail(string text) => text.Length > 500 ? text[^500..] : text;
}
