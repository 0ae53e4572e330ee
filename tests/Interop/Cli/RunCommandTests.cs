using System.Xml.Linq;
using Conformance.Interop.Tests.Support;
using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Cli;

/// <summary>
/// `conformance run` as a user runs it, through the harness's matrix runner against real peers: a small selection
/// (--quick --services echo --peers dcmtk: one echo case per DCMTK peer tool on same-host, plus the reference pair)
/// keeps the default test run lean; docs/cli.md has the --quick figure.
/// </summary>
[TestFixture]
[Category("Cli")]
public class RunCommandTests
{
    public static readonly string[] EchoCases =
    [
        "echo/scu/ours/storescp/same-host/default",
        "echo/scu/ours/dcmqrscp/same-host/default",
        "echo/scp/ours/echoscu/same-host/default",
    ];

    [Test]
    public async Task Run_quick_echo_against_dcmtk_writes_the_four_files_with_one_row_per_case_and_exits_0()
    {
        HostTools.Require("dcmdump");
        using var workspace = new TempDirectory("cli-run");
        using var runner = new HostProcessRunner();
        var output = workspace.File("out");

        var run = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(15),
            "run", "--quick", "--services", "echo", "--peers", "dcmtk", "--count", "1", "--work", workspace.File("work"), "--out", output);

        run.StandardOutput.Should().Contain("ALL PASSED: 5 objects, 30 files read by dcmdump without warnings or errors.", "the data-layer check runs first");
        foreach (var file in new[] { "report.html", "summary.md", "results.json", "junit.xml", "run.log" })
        {
            File.Exists(Path.Combine(output, file)).Should().BeTrue($"run writes {file}\n{run.Describe()}");
        }

        var document = await ResultsJson.ReadAsync(Path.Combine(output, "results.json"), CancellationToken.None);
        document.Results.Select(r => r.Id).Should().Contain(EchoCases, run.Describe());
        document.Results.Should().Contain(r => r.Sut == "dcmtk" && r.Service == "store", "the reference pair runs with every selection: budgets are judged against it");
        document.Results.Should().OnlyContain(r => r.Service == "echo" || r.Sut == "dcmtk");
        document.Links.Should().Contain(l => l.Topology == "same-host", "the topology's link measurement is in the results");
        var failed = document.Results.Where(r => r.Outcome == CaseOutcome.Fail).Select(r => $"{r.Id}: {r.Message}").ToList();
        failed.Should().BeEmpty(run.Describe());
        run.ExitCode.Should().Be(0, "no case failed\n" + run.Describe());
        foreach (var row in document.Results)
        {
            run.StandardOutput.Should().Contain(row.Id, "progress names each case as it ends");
        }

        var junit = XDocument.Load(Path.Combine(output, "junit.xml"));
        junit.Descendants("testcase").Should().HaveCount(document.Results.Count);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        html.Should().Contain(EchoCases[0]);
        Directory.GetFiles(output, "results.conformance-run.*.json").Should().ContainSingle("the runner's own file, which `report DIR` merges");
    }

    [Test]
    public async Task Run_whose_docker_engine_does_not_answer_exits_3_with_one_clear_line()
    {
        HostTools.Require("dcmdump");
        using var workspace = new TempDirectory("cli-run-no-engine");
        using var runner = new HostProcessRunner();
        var socket = "unix://" + workspace.File("no-such-docker.sock");

        var run = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(5), new Dictionary<string, string?> { ["DOCKER_HOST"] = socket },
            "run", "--quick", "--services", "echo", "--count", "1", "--work", workspace.File("work"), "--out", workspace.File("out"));

        run.ExitCode.Should().Be(3, "the documented 'could not start' code\n" + run.Describe());
        run.StandardError.Trim().Split('\n').Should().ContainSingle(run.Describe())
            .Which.Should().Contain($"DOCKER_HOST={socket} does not answer").And.NotContain("   at ");
    }

    [Test]
    public async Task Run_with_an_unknown_peer_is_a_one_line_usage_error_naming_the_values()
    {
        using var runner = new HostProcessRunner();

        var run = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(2), "run", "--peers", "pynetdicom", "--quick");

        run.ExitCode.Should().Be(2, run.Describe());
        run.StandardError.Trim().Split('\n').Should().ContainSingle(run.Describe())
            .Which.Should().Contain("--peers").And.Contain("dcmtk, gdcm, orthanc").And.Contain("pynetdicom");
    }
}
