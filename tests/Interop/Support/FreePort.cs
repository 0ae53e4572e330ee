using System.Net;
using System.Net.Sockets;

namespace Conformance.Interop.Tests.Support;

/// <summary>A loopback port that was free a moment ago (for external tools that cannot bind port 0 and tell us).</summary>
public static class FreePort
{
    public static int Get()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
