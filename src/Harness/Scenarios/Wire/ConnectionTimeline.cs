using System.Net;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>Which end of a captured connection: the one that connected (SCU), the one that listened (SCP), or not known.</summary>
public enum WireEnd
{
    Unknown,
    Client,
    Server,
}

/// <summary>An idle period between two packets of one connection; <paramref name="Holder"/> is the end whose write waited (the other ended the gap with a bare ACK).</summary>
public sealed record WireIdle(TimeSpan At, TimeSpan Duration, WireEnd Holder);

/// <summary>
/// One association's connection as the capture saw it: when it opened (SYN), when the A-ASSOCIATE-AC was
/// whole, when each of the server's DIMSE messages (responses) was whole, and the idle gaps in between.
/// </summary>
public sealed record ConnectionTimeline(IPEndPoint Client, TimeSpan Opened, TimeSpan? Accepted, IReadOnlyList<TimeSpan> Responses, IReadOnlyList<WireIdle> Gaps, bool Lost)
{
    /// <summary>
    /// Each response's time since the client's last data before it: the server's turn (reading the end of the
    /// request, handling it, writing the answer), where the rest of an operation is the client's sending.
    /// </summary>
    public IReadOnlyList<TimeSpan> Answers { get; init; } = [];

    /// <summary>Connect to A-ASSOCIATE-AC: what a host-name lookup in the server lengthens.</summary>
    public TimeSpan? Setup => Accepted - Opened;

    /// <summary>
    /// Each operation less the server's turn in it (<see cref="Answers"/>): the client's part, sending the request and
    /// its data set; null when the capture does not pair every operation with an answer.
    /// </summary>
    public IReadOnlyList<TimeSpan>? ClientParts()
    {
        var operations = OperationLatencies().ToList();
        return operations.Count != Answers.Count
            ? null
            : [.. operations.Zip(Answers, (operation, answer) => operation > answer ? operation - answer : TimeSpan.Zero)];
    }

    /// <summary>Each response's time since the previous one (the first since the A-ASSOCIATE-AC): one operation each.</summary>
    public IEnumerable<TimeSpan> OperationLatencies()
    {
        var previous = Accepted;
        foreach (var response in Responses)
        {
            if (previous is { } before)
            {
                yield return response - before;
            }

            previous = response;
        }
    }
}
