using Conformance.Interop.Tests.Support;
using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Cli;

/// <summary>`conformance reproduce CASE-ID` re-runs one matrix case through the same runner, with evidence even when it passes.</summary>
[TestFixture]
[Category("Cli")]
public class ReproduceCommandTests
{
    [Test]
    public async Task Reproduce_a_case_id_reruns_it_and_prints_its_outcome_and_evidence()
    {
        using var workspace = new TempDirectory("cli-reproduce");
        using var runner = new HostProcessRunner();
        var id = RunCommandTests.EchoCases[0];
        var output = workspace.File("out");

        var reproduce = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(10), "reproduce", id, "--out", output);

        reproduce.ExitCode.Should().Be(0, reproduce.Describe());
        reproduce.StandardOutput.Should().Contain($"PASS {id}");
        var document = await ResultsJson.ReadAsync(Path.Combine(output, "results.json"), CancellationToken.None);
        var row = document.Results.Should().ContainSingle().Which;
        row.Id.Should().Be(id);
        row.Evidence.Should().NotBeEmpty("reproduce keeps full evidence, also for a passing case");
        foreach (var file in row.Evidence)
        {
            File.Exists(Path.Combine(output, file)).Should().BeTrue(file);
            reproduce.StandardOutput.Should().Contain($"evidence: {Path.Combine(output, file)}");
        }

        row.Evidence.Should().Contain(e => e.EndsWith("case.log", StringComparison.Ordinal));
        row.Evidence.Should().Contain(e => e.EndsWith(".peer.log", StringComparison.Ordinal), "the storescp container's log");
    }

    [TestCase("echo/scu/ours/storescp/moon/default")]
    [TestCase("not-an-id")]
    public async Task Reproduce_an_unknown_id_is_a_one_line_usage_error_saying_where_ids_are(string id)
    {
        using var runner = new HostProcessRunner();

        var reproduce = await ConformanceProgram.RunAsync(runner, TimeSpan.FromMinutes(2), "reproduce", id);

        reproduce.ExitCode.Should().Be(2, reproduce.Describe());
        reproduce.StandardError.Trim().Split('\n').Should().ContainSingle(reproduce.Describe())
            .Which.Should().Contain(id).And.Contain("results.json").And.Contain("seed-2016");
    }
}
