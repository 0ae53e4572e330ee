using System.Text;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>summary.md: what a CI job summary or a pull request comment shows: counts, notes, the matrix per topology, failures and peer defects.</summary>
public static class SummaryMarkdown
{
    public static string Render(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var summary = RunSummary.Of(document);
        var md = new StringBuilder();
        md.AppendLine("# DICOM network conformance").AppendLine();
        md.AppendLine($"**{(summary.AnyFailed ? "FAILED" : "no case failed")}**: {summary.CountsLine}.").AppendLine();
        md.AppendLine($"{document.Producer}, {document.GeneratedAt:yyyy-MM-dd HH:mm:ss zzz}, {document.Machine}").AppendLine();
        foreach (var note in document.Notes)
        {
            md.AppendLine($"> **Note**: {note}").AppendLine();
        }

        WriteMatrix(md, MatrixGrid.Of(document.Results));
        WriteCases(md, "Failures", summary.Failures, "No case failed.");
        WriteCases(md, "Peer defects", summary.PeerDefectCases, "No peer defect was seen.");
        return md.ToString();
    }

    private static void WriteMatrix(StringBuilder md, MatrixGrid grid)
    {
        md.AppendLine("## Matrix").AppendLine();
        if (grid.Rows.Count == 0)
        {
            md.AppendLine("No case ran.").AppendLine();
            return;
        }

        foreach (var topology in grid.Columns.GroupBy(c => c.Topology))
        {
            md.AppendLine($"### {topology.Key}").AppendLine();
            md.AppendLine("| service (SUT role) | " + string.Join(" | ", topology.Select(c => Escape(c.PeerLabel))) + " |");
            md.AppendLine("|---|" + string.Concat(topology.Select(_ => "---|")));
            foreach (var row in grid.Rows)
            {
                var cells = topology.Select(column => Cell(grid.Cell(row, column)));
                md.AppendLine($"| {row.Service} ({row.SutRole}) | {string.Join(" | ", cells)} |");
            }

            md.AppendLine();
        }
    }

    private static string Cell(IReadOnlyList<(int Index, CaseResult Case)> cases) => cases.Count == 0
        ? "–"
        : string.Join(", ", cases.GroupBy(c => c.Case.Outcome).OrderByDescending(g => OutcomeNames.Severity(g.Key))
            .Select(g => $"{g.Count()} {(g.Key == CaseOutcome.Fail ? "**fail**" : OutcomeNames.Of(g.Key))}"));

    private static void WriteCases(StringBuilder md, string title, IReadOnlyList<CaseResult> cases, string whenNone)
    {
        md.AppendLine($"## {title} ({cases.Count})").AppendLine();
        if (cases.Count == 0)
        {
            md.AppendLine(whenNone).AppendLine();
            return;
        }

        foreach (var result in cases)
        {
            md.AppendLine($"- `{result.Id}` ({result.DebianSuite}): signature {OutcomeNames.SignatureOf(result)}{(result.Defect is { } d ? $"; defect {d}" : "")}");
            md.AppendLine($"  {Escape(result.Message.Split('\n')[0])}");
            foreach (var evidence in result.Evidence)
            {
                md.AppendLine($"  - evidence: [{Escape(evidence)}]({Html.EvidenceHref(evidence)})");
            }
        }

        md.AppendLine();
    }

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
