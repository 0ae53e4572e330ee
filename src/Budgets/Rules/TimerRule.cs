namespace Conformance.Budgets.Rules;

/// <summary>
/// The wire's own evidence: timer gaps (a delayed ACK or the persist timer releasing a held write) in the
/// capture, beyond what the reference pair's capture shows for as many operations. It fails from
/// <see cref="BudgetThresholds.TimerShare"/> of the operations, and a stall it sees needs no second measurement:
/// a busy scheduler does not make TCP hold a write until a timer releases it.
/// </summary>
internal sealed record TimerRule(int Timers, int ReferenceTimers, int OverReference, int Limit)
{
    public bool Fails => OverReference >= Limit;

    public static TimerRule Apply(GapProfile gaps, BudgetInput input)
    {
        var limit = Math.Max(BudgetThresholds.MinimumStalled, (int)Math.Ceiling(BudgetThresholds.TimerShare * input.Operations.Count));
        var reference = GapProfile.From(input.ReferenceGaps);
        var referenceOperations = input.Reference?.Count ?? 0;
        var share = referenceOperations == 0 ? 0 : (double)reference.Timers / referenceOperations;
        return new TimerRule(gaps.Timers, reference.Timers, gaps.Timers - (int)Math.Round(share * input.Operations.Count), limit);
    }
}
