using Conformance.Budgets;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Topologies;
using Conformance.Reporting.Results;

namespace Conformance.Harness.Matrix.Running;

/// <summary>
/// The one seam between the matrix and the timing budgets: a case's per-operation latencies, the reference
/// pair's latencies for the same operations on the same topology (when there is one) and the topology's
/// link measurement go into <see cref="OperationBudget.Evaluate"/>; its verdict becomes the row's budget.
/// </summary>
public static class CaseBudget
{
    public static BudgetResult Judge(CellTimings timings, IReadOnlyList<TimeSpan>? reference, string? referenceDescription, LinkMeasurement? link)
    {
        ArgumentNullException.ThrowIfNull(timings);
        if (timings.Latencies.Count == 0)
        {
            return BudgetResult.NotMeasured;
        }

        var verdict = OperationBudget.Evaluate(new BudgetInput
        {
            Operations = timings.Latencies,
            Reference = reference,
            LinkRoundTrip = link?.RoundTrip ?? TimeSpan.Zero,
            LinkThroughputMbit = link?.ThroughputMbit,
            BytesPerOperation = timings.BytesPerOperation,
        });
        return new BudgetResult
        {
            Verdict = verdict.Kind switch
            {
                BudgetVerdictKind.Pass => BudgetOutcome.Pass,
                BudgetVerdictKind.Fail => BudgetOutcome.Fail,
                _ => BudgetOutcome.NoVerdict,
            },
            Signature = verdict.Signature == StallSignature.None ? null : Kebab(verdict.Signature.ToString()),
            Message = verdict.Message,
            Operations = verdict.Operations,
            StalledOperations = verdict.StalledOperations,
            Reference = referenceDescription ?? (link is null ? null : FormattableString.Invariant($"link RTT {link.RoundTrip.TotalMilliseconds:F2} ms ({link.Topology})")),
        };
    }

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
