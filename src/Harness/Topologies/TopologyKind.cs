namespace Conformance.Harness.Topologies;

/// <summary>Where the peer sits relative to our side.</summary>
public enum TopologyKind
{
    /// <summary>Peer container on the host network; both ends on loopback (MTU 65536).</summary>
    SameHost,

    /// <summary>Peer on a user-defined bridge (MTU 1500), reached at its own address, not a published port.</summary>
    Bridged,

    /// <summary>Peer on a second bridge with no host address, reached through a router container.</summary>
    CrossHost,

    /// <summary>Peer on another engine (DOCKER_HOST), reached at published ports; peers reach us at an advertised address.</summary>
    Remote,
}
