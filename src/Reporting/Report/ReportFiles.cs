using System.Text;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// The four files every run and every merge writes into one directory: results.json (the schema of
/// docs/results.md), report.html, summary.md and junit.xml. Each is written beside and renamed.
/// </summary>
public static class ReportFiles
{
    public const string Results = "results.json";
    public const string Html = "report.html";
    public const string Summary = "summary.md";
    public const string JUnit = "junit.xml";

    public static IReadOnlyList<string> Names { get; } = [Html, Summary, Results, JUnit];

    /// <summary>Writes the four files; returns their full paths in <see cref="Names"/> order.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(ResultsDocument document, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        Directory.CreateDirectory(directory);
        var html = Path.Combine(directory, Html);
        var summary = Path.Combine(directory, Summary);
        var results = Path.Combine(directory, Results);
        var junit = Path.Combine(directory, JUnit);
        await ResultsJson.WriteAsync(document, results, cancellationToken).ConfigureAwait(false);
        var junitXml = JUnitXml.Render(document);
        await WriteTextAsync(junit, junitXml.Declaration + "\n" + junitXml.Root, cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(summary, SummaryMarkdown.Render(document), cancellationToken).ConfigureAwait(false);
        await WriteTextAsync(html, HtmlReport.Render(document), cancellationToken).ConfigureAwait(false);
        return [html, summary, results, junit];
    }

    private static async Task WriteTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
