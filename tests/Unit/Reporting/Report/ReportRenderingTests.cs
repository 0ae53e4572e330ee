using System.Xml.Linq;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Reporting.Report;

/// <summary>The four files from a document built here: matrix cells, failure entries with evidence links, peer defects listed, plots embedded.</summary>
public class ReportRenderingTests
{
    [Test]
    public void The_matrix_has_a_row_per_service_and_a_column_per_topology_and_peer_and_shows_each_cells_worst_case()
    {
        var grid = MatrixGrid.Of(SampleResults.Document().Results);

        grid.Rows.Select(r => r.Service).Should().Equal("echo", "store", "get");
        grid.Columns.Select(c => (c.Topology, c.Peer)).Should().Equal(("bridged", "orthanc"), ("bridged", "storescp"), ("same-host", "storescp"));
        grid.Cell(new MatrixRow("store", "scu"), new MatrixColumn("same-host", "storescp", "3.6.7", "bookworm"))
            .Select(c => c.Case.Outcome).Should().BeEquivalentTo([CaseOutcome.Fail, CaseOutcome.Pass]);
    }

    [Test]
    public void The_html_is_one_self_contained_file_whose_failing_cell_links_to_the_failure_and_its_evidence()
    {
        var html = HtmlReport.Render(SampleResults.Document());

        html.Should().Contain("<table class=\"matrix\">");
        html.Should().Contain("data-outcome=\"fail\"").And.Contain("<a href=\"#case-2\">1 fail &middot; 1 pass</a>");
        html.Should().Contain("<article class=\"case fail\" id=\"case-2\">").And.Contain("nagle-delayed-ack");
        html.Should().Contain("<a class=\"evidence\" href=\"evidence/store-nagle/storescp.log\">");
        html.Should().Contain("orthanc-1.10-slow-release", "peer defects are listed");
        html.Should().Contain("data:image/png;base64,", "plots are embedded");
        html.Should().NotContain("<script").And.NotContain("http://").And.NotContain("https://", "it opens from disk without a network");
    }

    [Test]
    public void Plots_put_the_reference_beside_ours_for_each_peer()
    {
        var series = PlotSeries.ByTopology(SampleResults.Document().Results);

        series.Keys.Should().Equal("bridged", "same-host");
        series["bridged"].Select(s => s.Sut).Should().Equal("ours", "dcmtk");
        series["same-host"][0].Percentile(100).Should().BeGreaterThan(200, "the stall shows as the maximum");
        ReportPlots.Latency("bridged", series["bridged"]).Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
    }

    [Test]
    public void Junit_fails_only_the_failed_case_and_skips_not_applicable()
    {
        var xml = JUnitXml.Render(SampleResults.Document());

        var root = xml.Root!;
        root.Attribute("tests")!.Value.Should().Be("6");
        root.Attribute("failures")!.Value.Should().Be("1");
        root.Attribute("skipped")!.Value.Should().Be("1");
        var failure = root.Descendants("failure").Should().ContainSingle().Subject;
        failure.Attribute("type")!.Value.Should().Be("nagle-delayed-ack");
        failure.Value.Should().Contain("evidence/store-nagle/capture.pcap");
        root.Descendants("testcase").Single(t => t.Attribute("name")!.Value.StartsWith("echo/", StringComparison.Ordinal))
            .Element("system-out")!.Value.Should().StartWith("peer-defect: orthanc-1.10-slow-release");
    }

    [Test]
    public void The_summary_lists_failures_with_signature_and_evidence_and_every_peer_defect()
    {
        var md = SummaryMarkdown.Render(SampleResults.Document() with { Notes = ["the matrix is partial"] });

        md.Should().Contain("**FAILED**: 6 case(s): 3 pass, 1 fail, 1 peer-defect, 1 not-applicable.");
        md.Should().Contain("> **Note**: the matrix is partial");
        md.Should().Contain("## Failures (1)").And.Contain("signature nagle-delayed-ack").And.Contain("[evidence/store-nagle/storescp.log](evidence/store-nagle/storescp.log)");
        md.Should().Contain("## Peer defects (1)").And.Contain("defect orthanc-1.10-slow-release");
    }

    [Test]
    public void An_empty_run_says_that_no_case_ran_rather_than_that_all_passed()
    {
        var empty = new ResultsDocument { Producer = "conformance run", Notes = ["the interop matrix is not wired"] };

        var html = HtmlReport.Render(empty);
        var md = SummaryMarkdown.Render(empty);

        html.Should().Contain("No case ran").And.Contain("the interop matrix is not wired");
        md.Should().Contain("0 case(s)").And.Contain("No case ran.");
        RunSummary.Of(empty).AnyFailed.Should().BeFalse();
    }

    [Test]
    public async Task Report_files_are_written_and_results_json_reads_back()
    {
        using var directory = new TempDirectory();
        var document = SampleResults.Document();

        var files = await ReportFiles.WriteAsync(document, directory.Path, CancellationToken.None);

        files.Select(Path.GetFileName).Should().Equal("report.html", "summary.md", "results.json", "junit.xml");
        (await ResultsJson.ReadAsync(directory.File("results.json"), CancellationToken.None)).Results.Should().HaveCount(6);
        XDocument.Load(directory.File("junit.xml")).Root!.Name.LocalName.Should().Be("testsuites");
        Directory.GetFiles(directory.Path, "*.tmp").Should().BeEmpty();
    }

    [Test]
    public async Task The_merge_reads_per_assembly_files_below_a_directory_and_never_the_merged_file()
    {
        using var directory = new TempDirectory();
        var rows = SampleResults.Document().Results;
        Directory.CreateDirectory(directory.File("job-trixie"));
        await ResultsJson.WriteAsync(new ResultsDocument { Results = rows.Take(3).ToList() }, directory.File("results.Conformance.Interop.Tests.json"), CancellationToken.None);
        await ResultsJson.WriteAsync(new ResultsDocument { Results = rows.Skip(3).Select(r => r with { DebianSuite = "trixie" }).ToList() }, Path.Combine(directory.File("job-trixie"), "results.Conformance.Interop.Tests.json"), CancellationToken.None);
        await ResultsJson.WriteAsync(new ResultsDocument { Results = rows.ToList() }, directory.File("results.json"), CancellationToken.None);

        var inputs = ResultsDirectoryMerge.FindInputs(directory.Path);
        var merged = await ResultsDirectoryMerge.MergeAsync(inputs, "test", DateTimeOffset.UnixEpoch, CancellationToken.None);

        inputs.Should().HaveCount(2);
        merged.Results.Should().HaveCount(6);
    }
}
