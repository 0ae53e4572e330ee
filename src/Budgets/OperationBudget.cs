namespace Conformance.Budgets;

/// <summary>
/// The suite's timing budget for one case (docs/budgets.md). First version: a verdict needs
/// <see cref="MinimumOperations"/> operations; the per-message stall rule of <see cref="StallBudget"/>
/// decides. Relative, tail-aware rules replace it (issue 8).
/// </summary>
public static class OperationBudget
{
    public const int MinimumOperations = 20;

    public static BudgetVerdict Evaluate(BudgetInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Operations.Count < MinimumOperations)
        {
            var latency = input.Operations.Count == 0 ? null : LatencySummary.From(input.Operations);
            return new BudgetVerdict(BudgetVerdictKind.NoVerdict, StallSignature.None, input.Operations.Count, 0,
                $"{input.Operations.Count} operation(s); a verdict needs {MinimumOperations}", latency);
        }

        var stall = StallBudget.PerMessage.Evaluate(input.Operations);
        var stalled = input.Operations.Count(o => o >= StallBudget.PerMessage.Budget);
        return new BudgetVerdict(stall.Stalled ? BudgetVerdictKind.Fail : BudgetVerdictKind.Pass, stall.Signature, input.Operations.Count, stalled, stall.ToString(), stall.Latency);
    }
}
