using Conformance.Reporting.Results;
using Conformance.Unit.Tests.Support;

namespace Conformance.Unit.Tests.Reporting.Results;

public class ResultsJsonTests
{
    private static CaseResult Row(string id, string suite = "bookworm", CaseOutcome outcome = CaseOutcome.Pass) => new()
    {
        Id = id,
        Service = "echo",
        SutRole = "scu",
        Sut = "ours",
        Peer = "storescp",
        PeerVersion = "3.6.7-9~deb12u4",
        DebianSuite = suite,
        Topology = "bridged",
        Variant = "default",
        Outcome = outcome,
    };

    [Test]
    public async Task A_document_is_written_with_snake_case_names_and_kebab_case_outcomes_and_read_back_equal()
    {
        using var temp = new TempDirectory();
        var row = Row("echo/scu/ours/storescp/bridged/default", outcome: CaseOutcome.PeerDefect) with
        {
            Defect = "gdcm-abort-after-release",
            Budget = new BudgetResult { Verdict = BudgetOutcome.NoVerdict, Operations = 1, Message = "1 operation, 20 needed" },
            Timings = new OperationTimings { Operation = "c-echo", Count = 1, P50Ms = 0.2, LatenciesMs = [0.2] },
        };
        var document = new ResultsDocument { Producer = "unit", Results = [row] };
        var path = temp.File("results.json");

        await ResultsJson.WriteAsync(document, path, CancellationToken.None);
        var text = await File.ReadAllTextAsync(path);
        var back = await ResultsJson.ReadAsync(path, CancellationToken.None);

        text.Should().Contain("\"sut_role\": \"scu\"").And.Contain("\"outcome\": \"peer-defect\"").And.Contain("\"verdict\": \"no-verdict\"");
        back.Results.Should().ContainSingle().Which.Should().BeEquivalentTo(row);
    }

    [Test]
    public async Task A_file_that_is_not_a_results_file_is_refused_with_its_path()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broken.json");
        await File.WriteAllTextAsync(path, "{\"results\": [{\"outcome\": \"maybe\"}]}");

        var read = () => ResultsJson.ReadAsync(path, CancellationToken.None);

        (await read.Should().ThrowAsync<InvalidDataException>()).WithMessage($"{path}: not a results file*");
    }

    [Test]
    public void Merging_keeps_every_row_and_refuses_the_same_case_twice_for_the_same_suite()
    {
        var a = new ResultsDocument { Results = [Row("a"), Row("b")] };
        var b = new ResultsDocument { Results = [Row("a", suite: "trixie")] };
        var again = new ResultsDocument { Results = [Row("b")] };

        ResultsMerger.Merge([a, b], "test", DateTimeOffset.UnixEpoch).Results.Should().HaveCount(3);
        var merge = () => ResultsMerger.Merge([a, again], "test", DateTimeOffset.UnixEpoch);
        merge.Should().Throw<InvalidDataException>().WithMessage("case b with bookworm peers appears in input 1 and input 2*");
    }

    [Test]
    public void The_results_directory_is_the_setting_or_TestResults_conformance_under_the_repository_root()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("Conformance.sln"), "");
        var nested = Directory.CreateDirectory(temp.File("tests/Interop/bin")).FullName;

        ResultsLocation.Directory(_ => null, nested, "/nowhere").Should().Be(Path.Combine(temp.Path, "TestResults", "conformance"));
        ResultsLocation.Directory(v => v == ResultsLocation.Variable ? "out" : null, nested, "/nowhere").Should().Be(Path.Combine(nested, "out"));
    }
}
