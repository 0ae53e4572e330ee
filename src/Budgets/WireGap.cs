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
/// An idle period on one connection, read from a packet capture: how long nothing moved, and whose write a TCP
/// timer held through it (a delayed ACK released it, or the persist timer pushed it). Unknown: the capture shows
/// no timer (a process not scheduled, an application with nothing to send), which is no evidence of a stall.
/// </summary>
public sealed record WireGap(TimeSpan Duration, WireSide Holder);
