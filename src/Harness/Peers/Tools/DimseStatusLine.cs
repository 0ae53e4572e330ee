using System.Globalization;
using System.Text.RegularExpressions;

namespace Conformance.Harness.Peers.Tools;

/// <summary>One DIMSE response a tool reported: the operation, DCMTK's status text and, with -d, the code.</summary>
public sealed record DimseStatusLine(string Operation, string Text, ushort? Code)
{
    public bool IsSuccess => Code is 0 || (Code is null && Text.StartsWith("Success", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Reads DIMSE statuses out of DCMTK tool output (-v: "Received Echo Response (Success)"; -d adds "DIMSE Status : 0x0000").</summary>
public static partial class DimseStatusParser
{
    public static IReadOnlyList<DimseStatusLine> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = new List<DimseStatusLine>();
        ushort? pendingCode = null;
        foreach (var line in output.Split('\n'))
        {
            var code = CodeLine().Match(line);
            if (code.Success)
            {
                pendingCode = ushort.Parse(code.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                continue;
            }

            var response = ResponseLine().Match(line);
            if (response.Success)
            {
                lines.Add(new DimseStatusLine(Operation(response.Groups[1].Value), response.Groups[2].Value, pendingCode));
                pendingCode = null;
            }
        }

        return lines;
    }

    /// <summary>"Echo", "Store", "Find", "Move"; getscu says "C-GET": normalised to "Get".</summary>
    private static string Operation(string word)
    {
        var name = word.StartsWith("C-", StringComparison.Ordinal) ? word[2..] : word;
        return name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..].ToLowerInvariant();
    }

    [GeneratedRegex(@"Received (?:Final )?([\w-]+) Response(?: \d+)? \(([^)]*)\)")]
    private static partial Regex ResponseLine();

    [GeneratedRegex(@"DIMSE Status\s*:\s*0x([0-9A-Fa-f]{4})")]
    private static partial Regex CodeLine();
}
