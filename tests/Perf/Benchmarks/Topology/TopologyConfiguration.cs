using Conformance.Harness.Peers.Dcmtk;

namespace Conformance.Benchmarks.Topologies;

/// <summary>One configuration of the per-topology comparison: its id, its title, and one transfer of N images on a topology.</summary>
public sealed record TopologyConfiguration(string Id, string Title, Func<TopologyTransfers, int, CancellationToken, Task<TopologyRun>> Run)
{
    public const string Reference = "storescu-nodelay";
    public const string OursNoDelay = "ours-nodelay";
    public const string OursDefault = "ours-default";
    public const string StoreScuDefault = "storescu-default";
    public const string RawTcp = "raw-tcp";

    private static readonly DcmtkOptions NoDelay = new() { TcpNoDelay = true, LogLevel = DcmtkLogLevel.Quiet };
    private static readonly DcmtkOptions Defaults = new() { LogLevel = DcmtkLogLevel.Quiet };

    /// <summary>storescp logs each association and store with -v, as the budgets' storescp does.</summary>
    private static readonly DcmtkOptions ScpNoDelay = NoDelay with { LogLevel = DcmtkLogLevel.Verbose };
    private static readonly DcmtkOptions ScpDefaults = Defaults with { LogLevel = DcmtkLogLevel.Verbose };

    /// <summary>In the order each round runs them.</summary>
    public static IReadOnlyList<TopologyConfiguration> All { get; } =
    [
        new(Reference, "storescu -> storescp, both TCP_NODELAY=1 (reference)", (t, n, ct) => t.StoreScuAsync(n, NoDelay, ScpNoDelay, ct)),
        new(OursNoDelay, "our SCU -> storescp (TCP_NODELAY=1)", (t, n, ct) => t.OurScuAsync(n, ScpNoDelay, ct)),
        new(OursDefault, "our SCU -> storescp, DCMTK defaults (Nagle on)", (t, n, ct) => t.OurScuAsync(n, ScpDefaults, ct)),
        new(StoreScuDefault, "storescu -> storescp, both DCMTK defaults (context: the Nagle stall)", (t, n, ct) => t.StoreScuAsync(n, Defaults, ScpDefaults, ct)),
        new(RawTcp, "raw TCP on the topology (iperf3, as the budgets measure it), same bytes (context)", (t, n, ct) => t.RawTcpAsync(n, ct)),
    ];
}
