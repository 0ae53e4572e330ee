namespace Conformance.Budgets;

/// <summary>Which end of a connection: the system under test, its peer, both (over several gaps), or not known.</summary>
public enum WireSide
{
    Unknown,
    Sut,
    Peer,
    Both,
}

/// <summary>
/// An idle period on one connection, read from a packet capture: how long nothing moved, and whose write
/// waited through it (the other side ended it with a bare, delayed ACK; Unknown when the capture cannot tell).
/// </summary>
public sealed record WireGap(TimeSpan Duration, WireSide Holder);
