namespace Conformance.Budgets.Rules;

/// <summary>The words of a verdict: what failed, by how much, against what, and where the evidence is.</summary>
internal static class VerdictText
{
    public static string Stall(StallSignature signature, TailRule tail, TimerRule timers, GapProfile gaps, int operations, string name) => tail.Fails
        ? $"{signature.Describe()}: {tail.Stalled} of {operations} {name} {tail.ExcessRange()} ms over the reference{gaps.Describe(signature)}"
        : $"{signature.Describe()}: {timers.Timers} timer gaps on the wire against {timers.ReferenceTimers} in the reference{gaps.Describe(signature)} ({tail.Stalled} of {operations} {name} over the stall line)";

    public static string HostLookup(SetupRule setups) => FormattableString.Invariant(
        $"host-name lookup: association set-up +{setups.MedianExcess.TotalSeconds:F1} s on {setups.Slow} of {setups.Count} associations (reference set-up {setups.Reference.TotalMilliseconds:F1} ms)");

    public static string Slowness(SlownessRule slowness, string name) => FormattableString.Invariant(
        $"slow against the reference: total {slowness.Total.TotalSeconds:F2} s against {slowness.ReferenceTotal.TotalSeconds:F2} s ({slowness.Ratio:F1}x), +{slowness.ExcessPerOperation.TotalMilliseconds:F1} ms per {Singular(name)}");

    public static string Failure(List<string> findings, Baseline baseline, TailRule tail, LatencySummary? latency, IReadOnlyList<string> evidence, bool confirmedByPhysics)
    {
        var unconfirmed = confirmedByPhysics ? "" : "; no timer evidence: needs a second measurement";
        var files = evidence.Count == 0 ? "" : $"; evidence: {string.Join(", ", evidence)}";
        return $"{string.Join("; ", findings)} (against {baseline.Description}; reference {tail.ReferenceStalled} of {tail.ReferenceCount} over the line){unconfirmed}{Suffix(latency)}{files}";
    }

    public static string Pass(TailRule tail, TimerRule timers, SlownessRule slowness, Baseline baseline, LatencySummary? latency, int operations, string name) => FormattableString.Invariant(
        $"within budget: {tail.Stalled} of {operations} {name} over the stall line {baseline.StallLine.TotalMilliseconds:F1} ms (reference {tail.ReferenceStalled} of {tail.ReferenceCount}), {timers.Timers} timer gaps (reference {timers.ReferenceTimers}), total {slowness.Ratio:F2}x the reference (against {baseline.Description}){Suffix(latency)}");

    public static string Suffix(LatencySummary? latency) => latency is null ? "" : $"; {latency}";

    private static string Singular(string name) => name.EndsWith('s') ? name[..^1] : name;
}
