using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.HostPeers;

/// <summary>Free loopback ports for peers on the host network, and whether a port is listening yet (from /proc, no connection made).</summary>
public static class LocalPorts
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when a socket in LISTEN state (0A) is bound to the port in /proc/net/tcp.</summary>
    public static bool IsListening(int port)
    {
        var hex = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 3 && fields[1].EndsWith(hex, StringComparison.Ordinal) && fields[3] == "0A")
            {
                return true;
            }
        }

        return false;
    }

    public static async Task WaitListeningAsync(int port, Func<bool> stillRunning, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!IsListening(port))
        {
            if (!stillRunning())
            {
                throw new InvalidOperationException($"The peer process for port {port} exited before listening.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing listened on port {port} within {timeout.TotalSeconds} s.");
            }

            await Task.Delay(10, ct).ConfigureAwait(false);
        }
    }
}
