using System.Globalization;
using System.Xml.Linq;
using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>
/// junit.xml for CI viewers: one testsuite per service, one testcase per row. fail is a failure;
/// not-applicable is skipped with its reason; peer-defect passes with the defect in its output and a
/// property (JUnit has no "warning"), so a CI tab shows it without failing the run.
/// </summary>
public static class JUnitXml
{
    public static XDocument Render(ResultsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var suites = document.Results
            .GroupBy(r => r.Service, StringComparer.Ordinal)
            .Select(group => new XElement(
                "testsuite",
                new XAttribute("name", group.Key),
                new XAttribute("tests", group.Count()),
                new XAttribute("failures", group.Count(r => r.Outcome == CaseOutcome.Fail)),
                new XAttribute("skipped", group.Count(r => r.Outcome == CaseOutcome.NotApplicable)),
                new XAttribute("time", Seconds(group.Sum(r => r.DurationMs))),
                group.Select(Case)));
        var root = new XElement(
            "testsuites",
            new XAttribute("name", "conformance"),
            new XAttribute("tests", document.Results.Count),
            new XAttribute("failures", document.Results.Count(r => r.Outcome == CaseOutcome.Fail)),
            new XAttribute("skipped", document.Results.Count(r => r.Outcome == CaseOutcome.NotApplicable)),
            new XAttribute("timestamp", document.GeneratedAt.ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture)),
            suites);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), root);
    }

    private static XElement Case(CaseResult result)
    {
        var element = new XElement(
            "testcase",
            new XAttribute("classname", $"{result.Service}.{result.SutRole}.{result.Sut}.{result.Peer}.{result.Topology}"),
            new XAttribute("name", result.DebianSuite.Length > 0 ? $"{result.Id} [{result.DebianSuite}]" : result.Id),
            new XAttribute("time", Seconds(result.DurationMs)),
            new XElement("properties", new XElement("property", new XAttribute("name", "outcome"), new XAttribute("value", OutcomeNames.Of(result.Outcome)))));
        var evidence = result.Evidence.Count == 0 ? "" : "\nevidence:\n  " + string.Join("\n  ", result.Evidence);
        switch (result.Outcome)
        {
            case CaseOutcome.Fail:
                element.Add(new XElement(
                    "failure",
                    new XAttribute("message", FirstLine(result.Message)),
                    new XAttribute("type", OutcomeNames.SignatureOf(result)),
                    result.Message + evidence));
                break;
            case CaseOutcome.NotApplicable:
                element.Add(new XElement("skipped", new XAttribute("message", FirstLine(result.Message))));
                break;
            case CaseOutcome.PeerDefect:
                element.Add(new XElement("system-out", $"peer-defect: {result.Defect}\n{result.Message}{evidence}"));
                break;
        }

        return element;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private static string Seconds(double milliseconds) => (milliseconds / 1000).ToString("0.###", CultureInfo.InvariantCulture);
}
