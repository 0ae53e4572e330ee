namespace Conformance.Budgets;

/// <summary>The known stalls a per-message latency profile can match (docs/pathologies.md).</summary>
public enum StallSignature
{
    /// <summary>No stall: the median message is within the budget.</summary>
    None,

    /// <summary>Mechanism A: a small write held by Nagle until the peer's delayed ACK (40-48 ms on Linux).</summary>
    NagleDelayedAck,

    /// <summary>Mechanism B: the advertised window fell below the segment size; the persist timer (about 200 ms) pushes it.</summary>
    PersistTimer,

    /// <summary>Mechanism C: a reverse host-name lookup waits for the resolver's timeout (seconds).</summary>
    HostLookup,

    /// <summary>Over the budget, but at none of the known periods.</summary>
    Unclassified,
}
