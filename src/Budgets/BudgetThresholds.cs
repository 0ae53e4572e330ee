namespace Conformance.Budgets;

/// <summary>
/// The budget's fixed figures (docs/budgets.md says why each is what it is). Everything else is measured
/// in the same run: the reference pair, the link's round trip and throughput.
/// </summary>
public static class BudgetThresholds
{
    /// <summary>A verdict needs this many operations; fewer are recorded without one.</summary>
    public const int MinimumOperations = 20;

    /// <summary>
    /// An operation is stalled when it exceeds the expected time by this much. Linux never delays an ACK
    /// by less than 40 ms, so every timer stall clears it, while healthy operations sit within a few ms of
    /// the reference's median.
    /// </summary>
    public static readonly TimeSpan StallMargin = TimeSpan.FromMilliseconds(25);

    /// <summary>Stalled operations (beyond the reference's own share) from which the tail rule fails, as a share of all.</summary>
    public const double StalledShare = 0.15;

    /// <summary>...and never fewer than this many, so that 20-operation cells are not failed by two hiccups.</summary>
    public const int MinimumStalled = 4;

    /// <summary>
    /// Timer gaps on the wire (beyond the reference's share) from which the timer rule fails, as a share of the
    /// operations. Lower than <see cref="StalledShare"/>: a held write released by a timer is physical evidence,
    /// which a loaded scheduler does not produce (0-2 per 100 operations measured here at load average 35).
    /// </summary>
    public const double TimerShare = 0.10;

    /// <summary>The slowness rule fails from this ratio of the series' total to the reference's...</summary>
    public const double SlownessRatio = 3.0;

    /// <summary>...when the mean excess per operation is also at least this (a quarter of a delayed ACK).</summary>
    public static readonly TimeSpan SlownessExcessPerOperation = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// An association set-up this much over the reference's is a host-name lookup. A lookup that times out costs
    /// whole resolver timeouts, several of them (5 s measured here with timeout:1 attempts:1: DCMTK asks more than
    /// once); an application that polls its listening socket costs up to its poll period (movescu's storage SCP:
    /// 1 s), which is no lookup.
    /// </summary>
    public static readonly TimeSpan HostLookupMargin = TimeSpan.FromMilliseconds(1500);

    /// <summary>Per-operation excess (median of the stalled ones) taken as one to three delayed ACKs.</summary>
    public static readonly TimeSpan NagleExcessFrom = TimeSpan.FromMilliseconds(30);

    /// <summary>From this per-operation excess on, a stall is the persist timer (at least 200 ms per wait).</summary>
    public static readonly TimeSpan PersistExcessFrom = TimeSpan.FromMilliseconds(170);

    /// <summary>Wire gaps of a delayed ACK (40 ms minimum, a loaded host adds some).</summary>
    public static readonly (TimeSpan From, TimeSpan To) NagleGap = (TimeSpan.FromMilliseconds(35), TimeSpan.FromMilliseconds(110));

    /// <summary>Wire gaps of the persist timer (about 205-210 ms measured here).</summary>
    public static readonly (TimeSpan From, TimeSpan To) PersistGap = (TimeSpan.FromMilliseconds(180), TimeSpan.FromMilliseconds(320));

    /// <summary>Gaps shorter than this are not stalls and are not counted.</summary>
    public static readonly TimeSpan StallSizedGap = TimeSpan.FromMilliseconds(30);
}
