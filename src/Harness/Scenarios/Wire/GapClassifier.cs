namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// Finds the idle gaps of one connection and says which of them a TCP timer ended, and whose write it held:
/// <list type="bullet">
/// <item>delayed ACK (mechanism A): the gap ends with a bare ACK from one side, and within
/// <see cref="ReleaseWindow"/> the other side sends data: the write Nagle held until that ACK;</item>
/// <item>persist timer (mechanism B): before the gap the receiver advertised a window smaller than its own
/// segment size, and the gap ends with the sender's probe or data.</item>
/// </list>
/// Any other gap (a process not scheduled on a busy host, an application that is simply idle) keeps an
/// unknown holder: it is no evidence of a timer.
/// </summary>
internal sealed class GapClassifier(IReadOnlyList<TcpSegment> segments, int serverPort)
{
    /// <summary>How soon after the ACK a held write goes out: the kernel releases it while handling the ACK.</summary>
    public static readonly TimeSpan ReleaseWindow = TimeSpan.FromMilliseconds(5);

    private readonly TcpSegment? clientSyn = segments.FirstOrDefault(s => s.IsSyn && s.Source.Port != serverPort);
    private readonly TcpSegment? serverSyn = segments.FirstOrDefault(s => s.IsSyn && s.Source.Port == serverPort);

    public List<WireIdle> Gaps(TimeSpan from, TimeSpan to)
    {
        var gaps = new List<WireIdle>();
        for (var i = 1; i < segments.Count; i++)
        {
            var (before, after) = (segments[i - 1], segments[i]);
            var idle = after.Time - before.Time;
            if (idle >= WireTimeline.GapFloor && before.Time >= from && after.Time <= to)
            {
                gaps.Add(new WireIdle(before.Time, idle, HeldBy(i)));
            }
        }

        return gaps;
    }

    private WireEnd HeldBy(int gapEnd)
    {
        var after = segments[gapEnd];
        if (after.IsBareAck)
        {
            for (var j = gapEnd + 1; j < segments.Count && segments[j].Time - after.Time <= ReleaseWindow; j++)
            {
                if (segments[j].PayloadLength > 0 && End(segments[j]) != End(after))
                {
                    return End(segments[j]);
                }
            }

            return WireEnd.Unknown;
        }

        if (after.PayloadLength == 0)
        {
            return WireEnd.Unknown;
        }

        var receiver = End(after) == WireEnd.Client ? WireEnd.Server : WireEnd.Client;
        var lastAdvert = segments.Take(gapEnd).LastOrDefault(s => End(s) == receiver && !s.IsSyn);
        return lastAdvert is not null && WindowBytes(lastAdvert) < SegmentSize(receiver) ? End(after) : WireEnd.Unknown;
    }

    private WireEnd End(TcpSegment segment) => segment.Source.Port == serverPort ? WireEnd.Server : WireEnd.Client;

    /// <summary>The advertised window in bytes: scaled when both SYNs announced a scale (RFC 7323).</summary>
    private long WindowBytes(TcpSegment segment)
    {
        var own = End(segment) == WireEnd.Server ? serverSyn : clientSyn;
        var scale = clientSyn?.WindowScale is not null && serverSyn?.WindowScale is not null ? own!.WindowScale!.Value : 0;
        return (long)segment.Window << scale;
    }

    /// <summary>The segment size the side announced in its SYN (what the other side sends it at most); unknown: no persist judgement.</summary>
    private long SegmentSize(WireEnd side) => (side == WireEnd.Server ? serverSyn : clientSyn)?.MaximumSegmentSize ?? 0;
}
