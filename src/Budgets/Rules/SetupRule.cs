namespace Conformance.Budgets.Rules;

/// <summary>
/// Mechanism C: an association set-up more than <see cref="BudgetThresholds.HostLookupMargin"/> over the
/// reference's (or the link's round trip) on at least half the associations. Operations inside the
/// associations may be perfectly normal; the set-ups are judged on their own.
/// </summary>
internal sealed record SetupRule(int Count, int Slow, int Limit, TimeSpan MedianExcess, TimeSpan Reference)
{
    public bool Fails => Count > 0 && Slow >= Limit;

    public static SetupRule? Apply(BudgetInput input)
    {
        if (input.AssociationSetups is not { Count: > 0 } setups)
        {
            return null;
        }

        var reference = input.ReferenceAssociationSetups is { Count: > 0 } references
            ? Percentile.Of(references, 0.50)
            : input.LinkRoundTrip;
        var line = reference + BudgetThresholds.HostLookupMargin;
        var slow = setups.Where(s => s > line).Select(s => s - reference).ToList();
        var limit = Math.Max(1, (int)Math.Ceiling(setups.Count / 2.0));
        var median = slow.Count == 0 ? TimeSpan.Zero : Percentile.Of(slow, 0.50);
        return new SetupRule(setups.Count, slow.Count, limit, median, reference);
    }
}
