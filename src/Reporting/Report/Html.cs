using System.Net;

namespace Conformance.Reporting.Report;

/// <summary>The few HTML helpers the report needs: text escaping and links to evidence files beside the report.</summary>
internal static class Html
{
    public static string Text(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>An href for an evidence path: relative paths stay relative to report.html (each segment escaped); absolute ones become file: URLs.</summary>
    public static string EvidenceHref(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        var escaped = string.Join('/', normalized.Split('/').Select(Uri.EscapeDataString));
        return Path.IsPathRooted(path) ? "file://" + escaped : escaped;
    }

    /// <summary>The anchor of the document's i-th case (failures and peer defects have one).</summary>
    public static string CaseAnchor(int index) => $"case-{index}";
}
