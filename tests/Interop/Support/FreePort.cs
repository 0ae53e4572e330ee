using Conformance.Harness.HostPeers;

namespace Conformance.Interop.Tests.Support;

/// <summary>A loopback port that was free a moment ago (for external tools that cannot bind port 0 and tell us): <see cref="LocalPorts.Free"/>.</summary>
public static class FreePort
{
    public static int Get() => LocalPorts.Free();
}
