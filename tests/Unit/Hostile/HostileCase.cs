namespace Conformance.Unit.Tests.Hostile;

/// <summary>
/// One malformed input: the bytes sent (after a valid association when <see cref="Associated"/>), the clause
/// of the standard that decides the answer, the answer required, and words one of which the SCP's log line
/// must contain to name what was wrong (none for inputs the standard tells us to tolerate).
/// </summary>
internal sealed record HostileCase(string Name, string Clause, bool Associated, byte[][] Send, Expect Expect, string[] LogNames)
{
    /// <summary>Our side half-closes after sending (a truncated PDU followed by the peer's close).</summary>
    public bool HalfClose { get; init; }

    /// <summary>The Message ID a DIMSE failure response must answer.</summary>
    public ushort MessageId { get; init; } = 1;

    public override string ToString() => Name;

    public static HostileCase Before(string name, string clause, Expect expect, string[] log, params byte[][] send) => new(name, clause, false, send, expect, log);

    public static HostileCase After(string name, string clause, Expect expect, string[] log, params byte[][] send) => new(name, clause, true, send, expect, log);
}
