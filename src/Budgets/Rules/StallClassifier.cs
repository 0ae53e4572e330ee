namespace Conformance.Budgets.Rules;

/// <summary>
/// Names a stall by its period. Wire gaps from a capture decide when there are any in a known band
/// (delayed ACK 35-110 ms, persist timer 180-320 ms); otherwise the stalled operations' median excess
/// over the expected time does (30-170 ms: one to three delayed ACKs; more: persist-timer waits).
/// </summary>
internal static class StallClassifier
{
    public static StallSignature Classify(IReadOnlyList<TimeSpan> stalledExcesses, GapProfile gaps)
    {
        if (gaps.Persist.Count > 0 && gaps.Persist.Count >= gaps.Nagle.Count)
        {
            return StallSignature.PersistTimer;
        }

        if (gaps.Nagle.Count > 0)
        {
            return StallSignature.NagleDelayedAck;
        }

        var median = Percentile.NearestRank(stalledExcesses, 0.50);
        return median < BudgetThresholds.NagleExcessFrom ? StallSignature.Unclassified
            : median < BudgetThresholds.PersistExcessFrom ? StallSignature.NagleDelayedAck
            : StallSignature.PersistTimer;
    }
}

/// <summary>The stall-sized wire gaps of a capture, sorted into the two timer bands, and whose writes waited in them.</summary>
internal sealed record GapProfile(IReadOnlyList<WireGap> Nagle, IReadOnlyList<WireGap> Persist, WireSide Holder)
{
    public static GapProfile From(IReadOnlyList<WireGap>? gaps)
    {
        var stallSized = (gaps ?? []).Where(g => g.Duration >= BudgetThresholds.StallSizedGap).ToList();
        var nagle = stallSized.Where(g => In(g, BudgetThresholds.NagleGap)).ToList();
        var persist = stallSized.Where(g => In(g, BudgetThresholds.PersistGap)).ToList();
        var known = nagle.Concat(persist).Select(g => g.Holder).Where(h => h is WireSide.Sut or WireSide.Peer).Distinct().ToList();
        var holder = known.Count switch
        {
            0 => WireSide.Unknown,
            1 => known[0],
            _ => WireSide.Both,
        };
        return new GapProfile(nagle, persist, holder);
    }

    /// <summary>", gaps of about 41 ms (180 gaps)" for the band that named the stall; empty without gaps.</summary>
    public string Describe(StallSignature signature)
    {
        var band = signature == StallSignature.PersistTimer ? Persist : signature == StallSignature.NagleDelayedAck ? Nagle : [];
        if (band.Count == 0)
        {
            return "";
        }

        var median = Percentile.Of(band.Select(g => g.Duration), 0.50).TotalMilliseconds;
        var holder = Holder is WireSide.Unknown ? "" : $", held by {HolderText(Holder)}";
        return FormattableString.Invariant($"; wire gaps of about {median:F0} ms ({band.Count} gaps{holder})");
    }

    private static string HolderText(WireSide side) => side switch
    {
        WireSide.Sut => "the system under test",
        WireSide.Peer => "the peer",
        _ => "both sides",
    };

    private static bool In(WireGap gap, (TimeSpan From, TimeSpan To) band) => gap.Duration >= band.From && gap.Duration < band.To;
}
