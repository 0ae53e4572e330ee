namespace Conformance.Budgets;

/// <summary>The known stalls a per-operation latency profile can match (docs/pathologies.md, docs/budgets.md).</summary>
public enum StallSignature
{
    /// <summary>No stall: within the budget.</summary>
    None,

    /// <summary>Mechanism A: a small write held by Nagle until the peer's delayed ACK (40-48 ms on Linux).</summary>
    NagleDelayedAck,

    /// <summary>Mechanism B: the advertised window fell below the segment size; the persist timer (about 200 ms) pushes it.</summary>
    PersistTimer,

    /// <summary>Mechanism C: a reverse host-name lookup during association set-up waits for the resolver's timeout (seconds).</summary>
    HostLookup,

    /// <summary>No timer's period, but slow against the reference as a whole.</summary>
    Slow,

    /// <summary>Operations over the stall line at none of the known periods.</summary>
    Unclassified,
}

/// <summary>The names a signature goes by: in messages, and in the results row's <c>budget.signature</c>.</summary>
public static class StallSignatureNames
{
    /// <summary>What a message calls it: "Nagle/delayed-ACK", "persist timer", "host-name lookup", ...</summary>
    public static string Describe(this StallSignature signature) => signature switch
    {
        StallSignature.None => "none",
        StallSignature.NagleDelayedAck => "Nagle/delayed-ACK",
        StallSignature.PersistTimer => "persist timer",
        StallSignature.HostLookup => "host-name lookup",
        StallSignature.Slow => "slow against the reference",
        _ => "unclassified stall",
    };

    /// <summary>The results row's name: "nagle-delayed-ack", "persist-timer", "host-lookup", "slow", "unclassified"; null for none.</summary>
    public static string? Key(this StallSignature signature) => signature switch
    {
        StallSignature.None => null,
        StallSignature.NagleDelayedAck => "nagle-delayed-ack",
        StallSignature.PersistTimer => "persist-timer",
        StallSignature.HostLookup => "host-lookup",
        StallSignature.Slow => "slow",
        _ => "unclassified",
    };
}
