using System.Net;

namespace Conformance.Harness.Topologies;

/// <summary>
/// Where one container sits in a topology: its address as other peers see it, the port its
/// service listens on inside, and the network it is attached to (null: the host network).
/// </summary>
public sealed record PeerPlacement(string? Network, IPAddress Address, int Port)
{
    public bool OnHostNetwork => Network is null;
}
