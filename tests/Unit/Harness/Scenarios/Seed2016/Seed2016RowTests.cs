using Conformance.Budgets;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Scenarios.Seed2016;
using Conformance.Harness.Scenarios.Wire;

namespace Conformance.Unit.Tests.Harness.Scenarios.Seed2016;

/// <summary>What a report cell says when the peer tool showed a catalogued defect, and when nothing explains a row.</summary>
public class Seed2016RowTests
{
    private static readonly ToolDefect Abort = new("gdcm-store-scp-reads-implicit", "gdcmscu ... aborts", "Should not happen (imp) Aborted");

    private static Seed2016Row Unanswered(ToolDefect? defect)
    {
        var nothing = new ExchangeMeasurement("with-fix.gdcmscu-from-orthanc", WireTimeline.Analyze([], 11113), WireEnd.Client, [], "");
        var verdict = OperationBudget.Evaluate(new BudgetInput { Operations = nothing.Operations });
        return new Seed2016Row("bridged", FixSetting.WithFix, "gdcmscu <- orthanc", 20, nothing, verdict, null) { Defect = defect };
    }

    [Test]
    public void Sub_operations_missing_after_a_catalogued_defect_are_a_peer_defect_with_its_id()
    {
        Unanswered(Abort).Cell().Should().Be("peer-defect gdcm-store-scp-reads-implicit: 0 of 20 sub-operations");
    }

    [Test]
    public void Sub_operations_missing_without_a_catalogued_defect_stay_incomplete()
    {
        Unanswered(null).Cell().Should().Be("incomplete: 0 of 20 sub-operations seen");
    }

    [Test]
    public void A_tool_error_the_catalogue_does_not_know_stays_an_error()
    {
        var row = new Seed2016Row("bridged", FixSetting.WithFix, "gdcmscu <- our-scp", 20, null, null, "gdcmscu ... -> exit 1");

        row.Cell().Should().Be("error (see below)");
        row.Outcome.Should().BeNull();
    }
}
