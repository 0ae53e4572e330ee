using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

public class OperationBudgetTests
{
    private static BudgetInput Input(int count, double ms) => new() { Operations = [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(ms), count)] };

    [Test]
    public void Fewer_operations_than_the_minimum_get_no_verdict_but_keep_their_latencies()
    {
        var verdict = OperationBudget.Evaluate(Input(OperationBudget.MinimumOperations - 1, 45));

        verdict.Kind.Should().Be(BudgetVerdictKind.NoVerdict);
        verdict.Latency!.Count.Should().Be(OperationBudget.MinimumOperations - 1);
        verdict.Message.Should().Contain($"a verdict needs {OperationBudget.MinimumOperations}");
    }

    [Test]
    public void Enough_stalled_operations_fail_with_their_signature_and_count()
    {
        var verdict = OperationBudget.Evaluate(Input(30, 45));

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck);
        verdict.StalledOperations.Should().Be(30);
    }

    [Test]
    public void Enough_healthy_operations_pass()
    {
        OperationBudget.Evaluate(Input(30, 2)).Kind.Should().Be(BudgetVerdictKind.Pass);
    }
}
