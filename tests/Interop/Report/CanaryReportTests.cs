using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Harness.Matrix.Catalog;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Running;
using Conformance.Harness.Sut.Catalog;
using Conformance.Harness.Topologies;
using Conformance.Interop.Tests.Support;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Report;

/// <summary>
/// The report of a real run with a canary failure (issue 9): the canary SUT (ours-pathological: Nagle on, split
/// header/data writes, no quick ACK) and its twin (ours) each send the timed series to storescp with DCMTK's
/// defaults on same-host, through the <see cref="MatrixRunner"/> that `conformance run` uses (real peer container,
/// real stall, the reference pair measured in the same run). The report written from those rows is opened by
/// headless Chromium: the failing cell, its signature and budget line, and evidence links to non-empty files next
/// to report.html must be in what it rendered, and the twin must pass its budget in the same run.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class CanaryReportTests
{
    private static readonly TopologySpec Topology = TopologyCatalog.SameHost;

    [Test]
    public async Task A_run_with_the_canary_sut_reports_its_stall_signature_and_links_to_its_evidence()
    {
        var chromium = HeadlessChromium.Require();
        using var directory = new TempDirectory("conformance-canary-report");
        var output = directory.Sub("run");
        var document = await RunAsync(output);
        var canary = document.Results.Single(r => r.Sut == SutCatalog.OursPathological.Name);
        var twin = document.Results.Single(r => r.Sut == SutCatalog.Ours.Name);
        twin.Outcome.Should().Be(CaseOutcome.Pass, twin.Message);
        twin.Budget.Verdict.Should().Be(BudgetOutcome.Pass, "the twin (our defaults) passes its budget in the same run: {0}", twin.Budget.Message);
        canary.Outcome.Should().Be(CaseOutcome.Fail, canary.Message);
        canary.Budget.Signature.Should().Be("nagle-delayed-ack", canary.Budget.Message);

        await ReportFiles.WriteAsync(document, output, CancellationToken.None);
        var report = Path.Combine(output, ReportFiles.Html);
        var dom = await chromium.DumpDomAsync(report, directory.Sub("profile"));

        var cell = Regex.Match(dom, $"<td class=\"cell fail\" data-outcome=\"fail\" title=\"[^\"]*: {Regex.Escape(canary.Id)}\"><a href=\"#(case-\\d+)\">");
        cell.Success.Should().BeTrue($"the matrix cell of {canary.Id} is fail and links to its entry:\n{Excerpt(dom)}");
        var entry = Regex.Match(dom, $"<article class=\"case fail\" id=\"{cell.Groups[1].Value}\">(.*?)</article>", RegexOptions.Singleline);
        entry.Success.Should().BeTrue($"the entry #{cell.Groups[1].Value} is rendered");
        var shown = entry.Groups[1].Value;
        shown.Should().Contain($"<code>{canary.Id}</code>").And.Contain("<dt>signature</dt><dd>nagle-delayed-ack</dd>");
        ShouldShowTheBudgetLine(shown);
        ShouldLinkToNonEmptyEvidence(shown, report);
        TwinRow(twin.Id).IsMatch(dom).Should().BeTrue($"the every-case table shows {twin.Id} as pass with budget Pass");
    }

    /// <summary>The canary's and the twin's timed series to a default storescp, through the runner `run` uses, into <paramref name="output"/>.</summary>
    private static async Task<ResultsDocument> RunAsync(string output)
    {
        var cases = MatrixCatalog.Cases(new MatrixSelection
        {
            Topologies = [Topology],
            Suts = [SutCatalog.Ours.Name, SutCatalog.OursPathological.Name],
            Services = [Services.Store],
            IncludeReference = false,
        }).Where(c => c.Variant.Timed && c.SutRole == SutRoles.Scu).ToList();
        cases.Should().HaveCount(2, "one timed series to storescp per SUT");
        string results;
        var runner = await MatrixRunner.StartAsync(new MatrixRunOptions
        {
            Producer = "canary-report",
            ResultsDirectory = output,
            Environment = HarnessSetUpFixture.Environment,
            Topologies = HarnessSetUpFixture.Topologies,
            Suts = [SutCatalog.Ours, SutCatalog.OursPathological, SutCatalog.Dcmtk],
            Log = HarnessSetUpFixture.Log,
        }, CancellationToken.None);
        await using (runner)
        {
            foreach (var matrixCase in cases)
            {
                var row = await runner.RunAsync(matrixCase, CancellationToken.None);
                TestContext.Out.WriteLine($"{row.Id}: {row.Outcome}; budget {row.Budget.Verdict} {row.Budget.Signature}: {row.Budget.Message}; evidence {string.Join(", ", row.Evidence)}");
            }

            results = runner.Results.FilePath;
        }

        return await ResultsJson.ReadAsync(results, CancellationToken.None);
    }

    /// <summary>"Fail: Nagle/delayed-ACK: N of M operations L-H ms over the reference ...": a stall on at least 15% of 20 or more operations.</summary>
    private static void ShouldShowTheBudgetLine(string entry)
    {
        var budget = BudgetLine().Match(entry);
        budget.Success.Should().BeTrue($"the entry shows the budget line with its count:\n{entry}");
        var stalled = int.Parse(budget.Groups["stalled"].Value, CultureInfo.InvariantCulture);
        var operations = int.Parse(budget.Groups["operations"].Value, CultureInfo.InvariantCulture);
        operations.Should().BeGreaterThanOrEqualTo(20, "a budget verdict needs 20 operations");
        stalled.Should().BeGreaterThanOrEqualTo(Math.Max(4, (int)Math.Ceiling(operations * 0.15)), "the tail rule failed on that many");
        int.Parse(budget.Groups["low"].Value, CultureInfo.InvariantCulture).Should().BeInRange(30, 170, "a delayed-ACK stall is 40-48 ms over the reference");
    }

    /// <summary>Every evidence link, resolved as the browser resolves it against report.html, is a non-empty file; the latencies and the capture among them.</summary>
    private static void ShouldLinkToNonEmptyEvidence(string entry, string report)
    {
        var links = EvidenceLink().Matches(entry).Select(m => m.Groups[1].Value).ToList();
        links.Should().NotBeEmpty("the failure links to its evidence");
        var files = links.Select(href => new Uri(new Uri(report), href).LocalPath).ToList();
        files.Should().AllSatisfy(file =>
        {
            File.Exists(file).Should().BeTrue($"{file} exists next to report.html");
            new FileInfo(file).Length.Should().BePositive($"{file} is not empty");
        });
        files.Select(Path.GetFileName).Should().Contain("latencies.tsv").And.Contain("topology.pcap").And.Contain("case.log");
    }

    private static Regex TwinRow(string id) =>
        new($"<tr><td><code>{Regex.Escape(id)}</code></td><td>[^<]*</td><td class=\"cell pass\">pass</td><td>Pass</td>");

    private static string Excerpt(string dom) => dom[..Math.Min(3000, dom.Length)];

    [GeneratedRegex(@"<dt>budget</dt><dd>Fail: Nagle/delayed-ACK: (?<stalled>\d+) of (?<operations>\d+) \S+ (?<low>\d+)(-\d+)? ms over the reference")]
    private static partial Regex BudgetLine();

    [GeneratedRegex("<a class=\"evidence\" href=\"([^\"]+)\">")]
    private static partial Regex EvidenceLink();
}
