namespace Conformance.Budgets;

/// <summary>What a <see cref="StallBudget"/> found in one series of per-message times.</summary>
public sealed record StallVerdict(LatencySummary Latency, TimeSpan Budget, StallSignature Signature)
{
    public bool Stalled => Signature != StallSignature.None;

    public override string ToString() => Stalled
        ? FormattableString.Invariant($"STALL ({Signature}): median message {Latency.P50.TotalMilliseconds:F1} ms over the {Budget.TotalMilliseconds:F0} ms budget; {Latency}")
        : FormattableString.Invariant($"within the {Budget.TotalMilliseconds:F0} ms stall budget; {Latency}");
}
