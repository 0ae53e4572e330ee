namespace Conformance.Harness.Topologies;

/// <summary>The topologies the suite knows; fixtures take them from here.</summary>
public static class TopologyCatalog
{
    public static readonly TopologySpec SameHost = new("same-host", TopologyKind.SameHost);
    public static readonly TopologySpec Bridged = new("bridged", TopologyKind.Bridged);
    public static readonly TopologySpec CrossHost = new("cross-host", TopologyKind.CrossHost);

    /// <summary>Cross-host with a 100 Mbit/s tbf limit and 1 ms netem latency where available.</summary>
    public static readonly TopologySpec CrossHostShaped = new("cross-host-100mbit", TopologyKind.CrossHost)
    {
        RateLimitMbit = 100,
        AddedLatency = TimeSpan.FromMilliseconds(1),
    };

    /// <summary>Remote mode, exercised against this machine's engine over TCP on 127.0.0.1.</summary>
    public static readonly TopologySpec RemoteLoopback = new("remote-over-tcp", TopologyKind.Remote) { RelayLocalEngine = true };

    /// <summary>The three local topologies.</summary>
    public static IEnumerable<TopologySpec> Local { get; } = [SameHost, Bridged, CrossHost];

    /// <summary>What every smoke test runs on: the local topologies and the remote code path.</summary>
    public static IEnumerable<TopologySpec> Smoke { get; } = [SameHost, Bridged, CrossHost, RemoteLoopback];

    /// <summary>Remote mode against an engine at <paramref name="endpoint"/>.</summary>
    public static TopologySpec Remote(string endpoint, string? advertisedAddress = null) =>
        new("remote", TopologyKind.Remote) { DockerEndpoint = endpoint, AdvertisedAddress = advertisedAddress };
}
