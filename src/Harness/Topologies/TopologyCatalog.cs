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

    /// <summary>
    /// What every smoke test runs on: the local topologies, the remote code path, and a real second host
    /// when <see cref="RemoteEngineVariable"/> names its engine.
    /// </summary>
    public static IEnumerable<TopologySpec> Smoke =>
        [SameHost, Bridged, CrossHost, RemoteLoopback, .. ConfiguredRemote(Environment.GetEnvironmentVariable) is { } remote ? [remote] : Array.Empty<TopologySpec>()];

    /// <summary>The remote code path (the local engine over TCP) and a real second host when one is configured: what the local matrix does not cover.</summary>
    public static IEnumerable<TopologySpec> RemotePaths =>
        [RemoteLoopback, .. ConfiguredRemote(Environment.GetEnvironmentVariable) is { } remote ? [remote] : Array.Empty<TopologySpec>()];

    /// <summary>The engine of a real second host, e.g. <c>tcp://10.0.0.2:2376</c>; its images are built there with <c>DOCKER_HOST=... conformance setup</c>.</summary>
    public const string RemoteEngineVariable = "CONFORMANCE_REMOTE_ENGINE";

    /// <summary>The real second host configured by the environment (engine, and the address its peers dial for our SCP), or null.</summary>
    public static TopologySpec? ConfiguredRemote(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var engine = environment(RemoteEngineVariable);
        return string.IsNullOrWhiteSpace(engine)
            ? null
            : Remote(engine.Trim(), environment("CONFORMANCE_ADVERTISED_ADDRESS")) with { Name = "remote-host" };
    }

    /// <summary>Remote mode against an engine at <paramref name="endpoint"/>.</summary>
    public static TopologySpec Remote(string endpoint, string? advertisedAddress = null) =>
        new("remote", TopologyKind.Remote) { DockerEndpoint = endpoint, AdvertisedAddress = advertisedAddress };
}
