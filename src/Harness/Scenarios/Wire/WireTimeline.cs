using Conformance.Budgets;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// Every association to one server port in a capture, read into per-operation latencies (the server's
/// responses, kernel-stamped where they were captured), association set-ups and idle gaps: a per-image
/// time source that a loaded machine's scheduler does not distort.
/// </summary>
public sealed class WireTimeline
{
    /// <summary>Idle periods shorter than this are not kept.</summary>
    public static readonly TimeSpan GapFloor = TimeSpan.FromMilliseconds(20);

    private WireTimeline(IReadOnlyList<ConnectionTimeline> connections) => Connections = connections;

    public IReadOnlyList<ConnectionTimeline> Connections { get; }

    public IReadOnlyList<TimeSpan> Operations => [.. Connections.SelectMany(c => c.OperationLatencies())];

    public IReadOnlyList<TimeSpan> Setups => [.. Connections.Select(c => c.Setup).OfType<TimeSpan>()];

    /// <summary>Every response's time since the client's last data before it (<see cref="ConnectionTimeline.Answers"/>).</summary>
    public IReadOnlyList<TimeSpan> Answers => [.. Connections.SelectMany(c => c.Answers)];

    /// <summary>Every connection's <see cref="ConnectionTimeline.ClientParts"/>, in order; null when any connection cannot pair them.</summary>
    public IReadOnlyList<TimeSpan>? ClientParts()
    {
        var parts = Connections.Select(c => c.ClientParts()).ToList();
        return parts.Any(p => p is null) ? null : [.. parts.SelectMany(p => p!)];
    }

    public bool Lost => Connections.Any(c => c.Lost);

    public static WireTimeline Read(string pcapPath, int serverPort) => Analyze(PcapReader.ReadTcp(pcapPath), serverPort);

    public static WireTimeline Analyze(IReadOnlyList<TcpSegment> segments, int serverPort)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var connections = segments
            .Where(s => s.Source.Port == serverPort || s.Destination.Port == serverPort)
            .GroupBy(s => s.Source.Port == serverPort ? s.Destination : s.Source)
            .Select(g => Connection(g.Key, [.. g.OrderBy(s => s.Time)], serverPort))
            .OrderBy(c => c.Opened)
            .ToList();
        return new WireTimeline(connections);
    }

    /// <summary>The gaps for a budget, each holder named from the SUT's point of view.</summary>
    public IReadOnlyList<WireGap> GapsFor(WireEnd sut) =>
        [.. Connections.SelectMany(c => c.Gaps).Select(g => new WireGap(g.Duration, g.Holder == WireEnd.Unknown ? WireSide.Unknown : g.Holder == sut ? WireSide.Sut : WireSide.Peer))];

    public override string ToString() =>
        $"{Connections.Count} connection(s), {Operations.Count} operation(s), {Connections.Sum(c => c.Gaps.Count)} gap(s) >= {GapFloor.TotalMilliseconds:F0} ms{(Lost ? ", capture incomplete" : "")}";

    private static ConnectionTimeline Connection(System.Net.IPEndPoint client, List<TcpSegment> segments, int serverPort)
    {
        var scanner = new PduStreamScanner();
        TimeSpan? accepted = null;
        var ended = TimeSpan.MaxValue;
        var responses = new List<TimeSpan>();
        var answers = new List<TimeSpan>();
        TimeSpan? clientData = null;
        foreach (var segment in segments)
        {
            if (segment.IsFinOrReset)
            {
                ended = TimeSpan.FromTicks(Math.Min(ended.Ticks, segment.Time.Ticks));
            }

            if (segment.Source.Port != serverPort)
            {
                clientData = segment.PayloadLength > 0 ? segment.Time : clientData;
                continue;
            }

            foreach (var pdu in scanner.Add(segment))
            {
                accepted ??= pdu.Type == WirePdu.AssociateAccept ? pdu.Completed : null;
                if (pdu.IsLastCommandFragment)
                {
                    responses.Add(pdu.Completed);
                    if (clientData is { } sent && accepted is not null)
                    {
                        answers.Add(pdu.Completed - sent);
                    }
                }
                else if (pdu.EndsExchange)
                {
                    ended = TimeSpan.FromTicks(Math.Min(ended.Ticks, pdu.Completed.Ticks));
                }
            }
        }

        var gaps = new GapClassifier(segments, serverPort).Gaps(accepted ?? TimeSpan.MaxValue, ended);
        return new ConnectionTimeline(client, segments[0].Time, accepted, responses, gaps, scanner.Lost) { Answers = answers };
    }
}
