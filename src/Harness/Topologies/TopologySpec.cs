namespace Conformance.Harness.Topologies;

/// <summary>
/// A topology as data, fed to NUnit fixtures (TestFixtureSource). Shaping applies to the
/// cross-host router: a tbf rate limit, and netem latency where the kernel has netem.
/// </summary>
public sealed record TopologySpec(string Name, TopologyKind Kind)
{
    /// <summary>Rate limit in Mbit/s at the router (tbf), or null for none.</summary>
    public int? RateLimitMbit { get; init; }

    /// <summary>One-way latency added at the router (netem), or null. Applied only where netem exists.</summary>
    public TimeSpan? AddedLatency { get; init; }

    /// <summary>Remote mode: the docker endpoint (e.g. tcp://10.0.0.2:2375); null reads DOCKER_HOST.</summary>
    public string? DockerEndpoint { get; init; }

    /// <summary>Remote mode: the address peers dial to reach our SCP; null means CONFORMANCE_ADVERTISED_ADDRESS, then the peer network's gateway.</summary>
    public string? AdvertisedAddress { get; init; }

    /// <summary>Remote mode against the local engine, relayed to a TCP port on 127.0.0.1 (tests the remote code path here).</summary>
    public bool RelayLocalEngine { get; init; }

    public override string ToString() => Name;
}
