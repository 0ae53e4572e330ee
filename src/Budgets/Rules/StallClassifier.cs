namespace Conformance.Budgets.Rules;

/// <summary>
/// Names a stall by its period. With a capture, its timer gaps decide (delayed ACK 35-110 ms, persist timer
/// 180-320 ms) when there are enough of them to fail the timer rule; a capture without that many leaves the stall
/// unclassified: whatever slowed the operations, it was no TCP timer. Without a capture, the stalled operations'
/// median excess over the expected time decides (30-170 ms: one to three delayed ACKs; more: persist-timer waits).
/// </summary>
internal static class StallClassifier
{
    public static StallSignature Classify(IReadOnlyList<TimeSpan> stalledExcesses, GapProfile gaps, bool timersFail)
    {
        if (gaps.Captured && !timersFail)
        {
            return StallSignature.Unclassified;
        }

        if (gaps.Persist.Count > 0 && gaps.Persist.Count >= gaps.Nagle.Count)
        {
            return StallSignature.PersistTimer;
        }

        if (gaps.Nagle.Count > 0)
        {
            return StallSignature.NagleDelayedAck;
        }

        if (gaps.Captured || stalledExcesses.Count == 0)
        {
            return StallSignature.Unclassified;
        }

        var median = Percentile.NearestRank(stalledExcesses, 0.50);
        return median < BudgetThresholds.NagleExcessFrom ? StallSignature.Unclassified
            : median < BudgetThresholds.PersistExcessFrom ? StallSignature.NagleDelayedAck
            : StallSignature.PersistTimer;
    }
}
