using System.Text;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// The matrix table: rows service x SUT role, column groups per topology, one column per peer build.
/// A cell is coloured by its worst case; a failing or peer-defect cell links to that case's entry,
/// which links to its evidence.
/// </summary>
internal static class HtmlMatrix
{
    public static void Write(StringBuilder html, MatrixGrid grid)
    {
        html.AppendLine("<section id=\"matrix\"><h2>Matrix</h2>");
        if (grid.Rows.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No case ran, so there is no matrix to show.</p></section>");
            return;
        }

        html.AppendLine("<table class=\"matrix\"><thead><tr><th rowspan=\"2\">service / SUT role</th>");
        foreach (var group in grid.Columns.GroupBy(c => c.Topology))
        {
            html.Append("<th class=\"topology\" colspan=\"").Append(group.Count()).Append("\">").Append(Html.Text(group.Key)).AppendLine("</th>");
        }

        html.AppendLine("</tr><tr>");
        foreach (var column in grid.Columns)
        {
            html.Append("<th class=\"peer\">").Append(Html.Text(column.PeerLabel)).AppendLine("</th>");
        }

        html.AppendLine("</tr></thead><tbody>");
        foreach (var row in grid.Rows)
        {
            html.Append("<tr><th class=\"service\">").Append(Html.Text($"{row.Service} ({row.SutRole})")).Append("</th>");
            foreach (var column in grid.Columns)
            {
                WriteCell(html, grid.Cell(row, column), row, column);
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
        html.AppendLine("<p class=\"legend\"><span class=\"cell pass\">pass</span> <span class=\"cell fail\">fail</span> "
            + "<span class=\"cell peer-defect\">peer-defect</span> <span class=\"cell not-applicable\">not-applicable</span> "
            + "<span class=\"cell none\">not run</span> (a cell shows its worst case; numbers count cases)</p></section>");
    }

    private static void WriteCell(StringBuilder html, IReadOnlyList<(int Index, CaseResult Case)> cases, MatrixRow row, MatrixColumn column)
    {
        if (cases.Count == 0)
        {
            html.Append("<td class=\"cell none\" data-outcome=\"none\">&ndash;</td>");
            return;
        }

        var worst = cases.MaxBy(c => OutcomeNames.Severity(c.Case.Outcome));
        var outcome = OutcomeNames.Of(worst.Case.Outcome);
        var counts = string.Join(" &middot; ", cases.GroupBy(c => c.Case.Outcome)
            .OrderByDescending(g => OutcomeNames.Severity(g.Key))
            .Select(g => $"{g.Count()} {OutcomeNames.Of(g.Key)}"));
        var title = Html.Text($"{row.Service} {row.SutRole} / {column.PeerLabel} / {column.Topology}: {worst.Case.Id}");
        html.Append("<td class=\"cell ").Append(outcome).Append("\" data-outcome=\"").Append(outcome).Append("\" title=\"").Append(title).Append("\">");
        if (worst.Case.Outcome is CaseOutcome.Fail or CaseOutcome.PeerDefect)
        {
            html.Append("<a href=\"#").Append(Html.CaseAnchor(worst.Index)).Append("\">").Append(counts).Append("</a>");
        }
        else
        {
            html.Append(counts);
        }

        html.Append("</td>");
    }
}
