using System.Globalization;
using System.Text;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>Failures and peer defects, one entry each: id, signature, message, budget, and links to the evidence files.</summary>
internal static class HtmlCaseEntries
{
    public static void Write(StringBuilder html, string id, string title, IReadOnlyList<CaseResult> all, CaseOutcome outcome, string whenNone)
    {
        var entries = all.Select((result, index) => (result, index)).Where(e => e.result.Outcome == outcome).ToList();
        html.Append("<section id=\"").Append(id).Append("\"><h2>").Append(Html.Text(title)).Append(" (").Append(entries.Count).AppendLine(")</h2>");
        if (entries.Count == 0)
        {
            html.Append("<p class=\"empty\">").Append(Html.Text(whenNone)).AppendLine("</p>");
        }

        foreach (var (result, index) in entries)
        {
            WriteEntry(html, result, index);
        }

        html.AppendLine("</section>");
    }

    private static void WriteEntry(StringBuilder html, CaseResult result, int index)
    {
        var outcome = OutcomeNames.Of(result.Outcome);
        html.Append("<article class=\"case ").Append(outcome).Append("\" id=\"").Append(Html.CaseAnchor(index)).AppendLine("\">");
        html.Append("<h3><code>").Append(Html.Text(result.Id)).Append("</code> <span class=\"badge ").Append(outcome).Append("\">").Append(outcome).AppendLine("</span></h3>");
        html.AppendLine("<dl>");
        Item(html, "peer", $"{result.Peer} {result.PeerVersion} ({result.DebianSuite}), SUT {result.Sut} as {result.SutRole}, {result.Topology}");
        Item(html, "signature", OutcomeNames.SignatureOf(result));
        if (result.Defect is { } defect)
        {
            Item(html, "defect", defect);
        }

        html.Append("<dt>message</dt><dd><pre>").Append(Html.Text(result.Message)).AppendLine("</pre></dd>");
        if (result.Budget.Verdict is not BudgetOutcome.NotMeasured)
        {
            var budget = string.Create(CultureInfo.InvariantCulture, $"{result.Budget.Verdict}: {result.Budget.Message} ({result.Budget.StalledOperations} of {result.Budget.Operations} operations stalled; reference {result.Budget.Reference ?? "none"})");
            Item(html, "budget", budget);
        }

        html.Append("<dt>evidence</dt><dd>");
        if (result.Evidence.Count == 0)
        {
            html.Append("none recorded");
        }
        else
        {
            html.Append("<ul class=\"evidence\">");
            foreach (var path in result.Evidence)
            {
                html.Append("<li><a class=\"evidence\" href=\"").Append(Html.Text(Html.EvidenceHref(path))).Append("\">").Append(Html.Text(path)).Append("</a></li>");
            }

            html.Append("</ul>");
        }

        html.AppendLine("</dd></dl>");
        html.AppendLine("<p class=\"reproduce\">Reproduce: <code>dotnet run --project src/Cli -- reproduce " + Html.Text(result.Id) + "</code></p></article>");
    }

    private static void Item(StringBuilder html, string term, string value) =>
        html.Append("<dt>").Append(term).Append("</dt><dd>").Append(Html.Text(value)).AppendLine("</dd>");
}
