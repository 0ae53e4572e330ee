using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.Topologies;

/// <summary>A free TCP port on this machine, for services that must listen on the host network.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
