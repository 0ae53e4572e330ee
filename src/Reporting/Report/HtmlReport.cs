using System.Globalization;
using System.Text;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// report.html: one self-contained page (inline CSS, plots as embedded PNG, no script, no network)
/// that opens from disk. At a glance: the counts, notes, the matrix, the plots per topology, then
/// every failure and peer defect with its signature, message and evidence links (docs/report.md).
/// </summary>
public static class HtmlReport
{
    public static string Render(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var summary = RunSummary.Of(document);
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine("<title>DICOM conformance report</title><style>").AppendLine(ReportCss.Text).AppendLine("</style></head><body>");
        html.AppendLine("<h1>DICOM network conformance report</h1>");
        html.Append("<p class=\"meta\">").Append(Html.Text($"{document.Producer}, {document.GeneratedAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture)}, {document.Machine}")).AppendLine("</p>");
        html.Append("<p class=\"counts\" id=\"counts\" data-failed=\"").Append(summary.Failed).Append("\">")
            .Append(Html.Text(summary.CountsLine)).Append(summary.AnyFailed ? " &mdash; <strong>FAILED</strong>" : " &mdash; no case failed").AppendLine("</p>");
        if (document.Notes.Count > 0)
        {
            html.AppendLine("<div class=\"notes\" id=\"notes\"><ul>");
            foreach (var note in document.Notes)
            {
                html.Append("<li>").Append(Html.Text(note)).AppendLine("</li>");
            }

            html.AppendLine("</ul></div>");
        }

        HtmlMatrix.Write(html, MatrixGrid.Of(document.Results));
        WritePlots(html, document);
        HtmlCaseEntries.Write(html, "failures", "Failures", document.Results, CaseOutcome.Fail, "No case failed.");
        HtmlCaseEntries.Write(html, "peer-defects", "Peer defects", document.Results, CaseOutcome.PeerDefect, "No peer defect was seen.");
        WriteLinks(html, document.Links);
        WriteAllCases(html, document.Results);
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void WritePlots(StringBuilder html, ResultsDocument document)
    {
        html.AppendLine("<section id=\"plots\"><h2>Latency and throughput per topology</h2>");
        var byTopology = PlotSeries.ByTopology(document.Results);
        if (byTopology.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No case recorded per-operation timings, so there is nothing to plot.</p>");
        }

        html.AppendLine("<p class=\"legend\">Blue: ours. Orange: the reference pair (DCMTK as the system under test) beside it. Grey: other systems under test.</p>");
        foreach (var (topology, series) in byTopology)
        {
            Figure(html, $"latency-{topology}", ReportPlots.Latency(topology, series), $"Per-operation latency on {topology}");
            Figure(html, $"throughput-{topology}", ReportPlots.Throughput(topology, series), $"Throughput on {topology}");
        }

        html.AppendLine("</section>");
    }

    private static void Figure(StringBuilder html, string id, byte[] png, string caption) =>
        html.Append("<figure class=\"plot\" id=\"").Append(Html.Text(id)).Append("\"><img alt=\"").Append(Html.Text(caption))
            .Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\"><figcaption>")
            .Append(Html.Text(caption)).AppendLine("</figcaption></figure>");

    private static void WriteLinks(StringBuilder html, IReadOnlyList<LinkResult> links)
    {
        html.AppendLine("<section id=\"links\"><h2>Topologies as measured at start</h2>");
        if (links.Count == 0)
        {
            html.AppendLine("<p class=\"empty\">No topology measurement was recorded.</p></section>");
            return;
        }

        html.AppendLine("<table><tr><th>topology</th><th>round trip</th><th>throughput</th><th>method</th><th>note</th></tr>");
        foreach (var link in links)
        {
            var throughput = link.ThroughputMbit is { } mbit ? string.Create(CultureInfo.InvariantCulture, $"{mbit:0} Mbit/s") : "not measured";
            html.Append("<tr><td>").Append(Html.Text(link.Topology)).Append("</td><td>").Append(Html.Text(string.Create(CultureInfo.InvariantCulture, $"{link.RoundTripMs:0.###} ms")))
                .Append("</td><td>").Append(Html.Text(throughput)).Append("</td><td>").Append(Html.Text(link.Method)).Append("</td><td>").Append(Html.Text(link.Note)).AppendLine("</td></tr>");
        }

        html.AppendLine("</table></section>");
    }

    private static void WriteAllCases(StringBuilder html, IReadOnlyList<CaseResult> results)
    {
        html.Append("<section id=\"cases\"><h2>Every case</h2><details><summary>").Append(results.Count).AppendLine(" case(s)</summary>");
        html.AppendLine("<table><tr><th>id</th><th>suite</th><th>outcome</th><th>budget</th><th>duration</th><th>message</th></tr>");
        foreach (var result in results)
        {
            var outcome = OutcomeNames.Of(result.Outcome);
            html.Append("<tr><td><code>").Append(Html.Text(result.Id)).Append("</code></td><td>").Append(Html.Text(result.DebianSuite))
                .Append("</td><td class=\"cell ").Append(outcome).Append("\">").Append(outcome).Append("</td><td>").Append(Html.Text(result.Budget.Verdict.ToString()))
                .Append("</td><td>").Append(Html.Text(string.Create(CultureInfo.InvariantCulture, $"{result.DurationMs / 1000:0.0} s")))
                .Append("</td><td>").Append(Html.Text(result.Message)).AppendLine("</td></tr>");
        }

        html.AppendLine("</table></details></section>");
    }
}
