using Conformance.Benchmarks.Throughput;
using Conformance.Harness.Topologies;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>Everything measured on one topology: where each side ran, each configuration's runs, each raw TCP measurement.</summary>
public sealed class TopologyResult(
    string name, string placement, string storeScpEndpoint, IReadOnlyList<ConfigurationResult> configurations, IReadOnlyList<ConfigurationResult> seen, IReadOnlyList<LinkMeasurement> links)
{
    public string Name { get; } = name;

    public string Placement { get; } = placement;

    public string StoreScpEndpoint { get; } = storeScpEndpoint;

    /// <summary>Wall time on our side, per configuration.</summary>
    public IReadOnlyList<ConfigurationResult> Configurations { get; } = configurations;

    /// <summary>The same runs as storescp's log saw them (raw TCP has none).</summary>
    public IReadOnlyList<ConfigurationResult> Seen { get; } = seen;

    public IReadOnlyList<LinkMeasurement> Links { get; } = links;

    public ConfigurationResult Configuration(string id, bool seenByStoreScp = false) => (seenByStoreScp ? Seen : Configurations).First(c => c.Id == id);

    /// <summary>Time of <paramref name="id"/> over <paramref name="reference"/>'s, round by round (same round = same conditions; &lt; 1 = faster).</summary>
    public IReadOnlyList<double> TimeRatio(string id, string reference, bool seenByStoreScp = false) =>
        [.. Configuration(id, seenByStoreScp).Runs.Zip(Configuration(reference, seenByStoreScp).Runs, (c, r) => c.Seconds / r.Seconds)];

    /// <summary>Issue 8's two goals on this topology, each on both clocks (wall time on our side, storescp's log).</summary>
    public IReadOnlyList<GoalCheck> Goals() =>
    [
        .. new[] { false, true }.SelectMany(seen => new GoalCheck[]
        {
            new("our SCU -> storescp faster than storescu -> storescp (both TCP_NODELAY=1)", "our SCU / storescu", View(seen),
                TimeRatio(TopologyConfiguration.OursNoDelay, TopologyConfiguration.Reference, seen), 1.0, Strict: true),
            new("against a default storescp (Nagle on), per image within 1.5x of the TCP_NODELAY=1 reference", "our SCU -> default storescp / reference", View(seen),
                TimeRatio(TopologyConfiguration.OursDefault, TopologyConfiguration.Reference, seen), 1.5, Strict: false),
        }),
    ];

    public static string View(bool seenByStoreScp) => seenByStoreScp ? "seen by storescp" : "wall time";

    /// <summary>Where each side runs, per kind (docs/harness.md, "Topologies"), the same for both SCUs.</summary>
    public static string PlacementOf(TopologyKind kind) => kind switch
    {
        TopologyKind.SameHost => "storescp in a container on the host network; storescu and our SCU on this host dial 127.0.0.1 (loopback, MTU 65536)",
        TopologyKind.Bridged => "storescp in a container on a user-defined bridge (MTU 1500); storescu and our SCU on this host dial the container's own address through the bridge (no published port, no docker-proxy)",
        TopologyKind.CrossHost => "storescp in a container on a bridge with no host address, behind a router container (IP forwarding); storescu and our SCU on this host dial the container's address over the host route via the router (two bridges, one routed hop, MTU 1500)",
        _ => kind.ToString(),
    };
}

/// <summary>One goal judged on one topology: the ratio round by round and its limit; met when the median ratio is inside it.</summary>
public sealed record GoalCheck(string Goal, string RatioName, string View, IReadOnlyList<double> RoundRatios, double Limit, bool Strict)
{
    public Samples Ratios => new(RoundRatios);

    public bool Met => Inside(Ratios.Median);

    public int RoundsMet => RoundRatios.Count(Inside);

    private bool Inside(double ratio) => Strict ? ratio < Limit : ratio <= Limit;
}
