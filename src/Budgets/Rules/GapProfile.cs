namespace Conformance.Budgets.Rules;

/// <summary>
/// The timer gaps of a capture (a known holder: the capture showed the timer release the write), sorted into
/// the two timer bands, and whose writes waited in them. Gaps with an unknown holder are not counted.
/// </summary>
internal sealed record GapProfile(bool Captured, IReadOnlyList<WireGap> Nagle, IReadOnlyList<WireGap> Persist, WireSide Holder)
{
    public int Timers => Nagle.Count + Persist.Count;

    public static GapProfile From(IReadOnlyList<WireGap>? gaps)
    {
        var timers = (gaps ?? []).Where(g => g.Holder is not WireSide.Unknown && g.Duration >= BudgetThresholds.StallSizedGap).ToList();
        var nagle = timers.Where(g => In(g, BudgetThresholds.NagleGap)).ToList();
        var persist = timers.Where(g => In(g, BudgetThresholds.PersistGap)).ToList();
        var holders = nagle.Concat(persist).Select(g => g.Holder).Distinct().ToList();
        var holder = holders.Count switch
        {
            0 => WireSide.Unknown,
            1 => holders[0],
            _ => WireSide.Both,
        };
        return new GapProfile(gaps is not null, nagle, persist, holder);
    }

    /// <summary>"; wire: 97 timer gaps of about 41 ms, held by the peer" for the band that named the stall; empty without any.</summary>
    public string Describe(StallSignature signature)
    {
        var band = signature == StallSignature.PersistTimer ? Persist : signature == StallSignature.NagleDelayedAck ? Nagle : [];
        if (band.Count == 0)
        {
            return Captured ? FormattableString.Invariant($"; the capture shows {Timers} timer gaps, too few to explain it") : "";
        }

        var median = Percentile.Of(band.Select(g => g.Duration), 0.50).TotalMilliseconds;
        return FormattableString.Invariant($"; wire: {band.Count} timer gaps of about {median:F0} ms, held by {HolderText(Holder)}");
    }

    private static string HolderText(WireSide side) => side switch
    {
        WireSide.Sut => "the system under test",
        WireSide.Peer => "the peer",
        _ => "both sides",
    };

    private static bool In(WireGap gap, (TimeSpan From, TimeSpan To) band) => gap.Duration >= band.From && gap.Duration < band.To;
}
