namespace Conformance.Budgets;

/// <summary>
/// A per-message stall detector. It does not bound how fast an implementation is, only whether its
/// messages wait on a TCP timer: a median message time at or over <see cref="Budget"/> is a stall, and
/// its period names the mechanism. The default budget, 20 ms, is half of Linux's shortest delayed ACK
/// (40 ms), so it holds on a loaded machine where healthy messages take a few milliseconds.
/// The median, not the maximum, decides: scheduler noise on a busy host produces single slow messages,
/// a TCP stall produces slow messages one after another.
/// </summary>
public sealed record StallBudget(TimeSpan Budget)
{
    public static StallBudget PerMessage { get; } = new(TimeSpan.FromMilliseconds(20));

    public StallVerdict Evaluate(IEnumerable<TimeSpan> perMessage)
    {
        var latency = LatencySummary.From(perMessage);
        return new StallVerdict(latency, Budget, Classify(latency.P50));
    }

    private StallSignature Classify(TimeSpan median)
    {
        if (median < Budget)
        {
            return StallSignature.None;
        }

        var ms = median.TotalMilliseconds;
        return ms switch
        {
            >= 35 and < 110 => StallSignature.NagleDelayedAck,
            >= 180 and < 320 => StallSignature.PersistTimer,
            >= 1000 => StallSignature.HostLookup,
            _ => StallSignature.Unclassified,
        };
    }
}
