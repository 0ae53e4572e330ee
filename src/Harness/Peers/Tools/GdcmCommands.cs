using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Peers.Tools;

/// <summary>
/// gdcmscu command lines (-D: it logs each response command set, twice) and how to read them: GDCM 3.0
/// prints its results only after the release, where it may abort (the peer-defect catalogue), so its debug
/// log of the response commands is the record of what it received.
/// </summary>
public static partial class GdcmCommands
{
    public const string CallingAe = "GDCMSCU";

    public static ToolCommand Run(string operation, string host, int port, string calledAe, params string[] options) =>
        new("gdcmscu", ["-D", operation, .. options, "--aetitle", CallingAe, "--call", calledAe, host, port.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>());

    /// <summary>How many responses with this status gdcmscu logged (each command set appears twice in its log).</summary>
    public static int StatusCount(ToolResult result, ushort status)
    {
        ArgumentNullException.ThrowIfNull(result);
        var count = StatusLine().Matches(result.Output).Count(m => ushort.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) == status);
        return (count + 1) / 2;
    }

    /// <summary>How many responses gdcmscu logged with a status other than Success or Pending.</summary>
    public static int FinalFailures(ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var count = StatusLine().Matches(result.Output).Count(m => ushort.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is not (0 or 0xFF00 or 0xFF01));
        return (count + 1) / 2;
    }

    [GeneratedRegex(@"\(0000,0900\) \?\? \(US\) (\d+)")]
    private static partial Regex StatusLine();
}
