using System.Globalization;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Wire;

/// <summary>
/// tcpdump in a nettools container, beside a server port: in the server container's network namespace, or
/// in the host's (a peer on the host network, or our own SCP), on every interface: a packet a bridge
/// forwards is seen twice there, and <see cref="PcapReader"/> drops the copy.
/// It keeps every packet of the port, cut to 300 bytes: the headers, the SYN options, and enough of each
/// segment for the PDU headers of the server's small messages. Kernel timestamps: a busy scheduler does not
/// move them.
/// </summary>
public sealed class WireCapture : IAsyncDisposable
{
    private const string File = "/capture/traffic.pcap";
    private readonly DockerCli docker;
    private readonly string containerId;
    private bool stopped;

    private WireCapture(DockerCli docker, string containerId, int serverPort)
    {
        this.docker = docker;
        this.containerId = containerId;
        ServerPort = serverPort;
    }

    public int ServerPort { get; }

    /// <summary>Captures in a container's network namespace (the server runs there).</summary>
    public static Task<WireCapture> InContainerAsync(Topology topology, string containerId, int serverPort, CancellationToken cancellationToken) =>
        StartAsync(topology, $"container:{containerId}", "any", serverPort, cancellationToken);

    /// <summary>Captures in the host's network namespace (loopback, bridges and their ports alike).</summary>
    public static Task<WireCapture> OnHostAsync(Topology topology, int serverPort, CancellationToken cancellationToken) =>
        StartAsync(topology, "host", "any", serverPort, cancellationToken);

    private static async Task<WireCapture> StartAsync(Topology topology, string network, string device, int serverPort, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var port = serverPort.ToString(CultureInfo.InvariantCulture);
        var script = $"mkdir -p /capture && exec tcpdump -n -i {device} -s 300 -B 32768 --immediate-mode -U -w {File} tcp port {port}";
        var image = topology.Environment.Image(PeerFamily.NetTools).Tag;
        var id = await topology.Docker.RunCheckedAsync(
            ["run", "-d", "--init", "--network", network, .. SuiteLabels.CliArguments, image, "sh", "-c", script], cancellationToken).ConfigureAwait(false);
        var capture = new WireCapture(topology.Docker, id, serverPort);
        try
        {
            await capture.WaitListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await capture.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return capture;
    }

    /// <summary>tcpdump says "listening on" once the capture is armed; until then packets would be missed.</summary>
    private async Task WaitListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            var logs = await docker.RunAsync(["logs", containerId], cancellationToken).ConfigureAwait(false);
            if (logs.CombinedOutput.Contains("listening on", StringComparison.Ordinal))
            {
                return;
            }

            var running = await docker.RunAsync(["inspect", "-f", "{{.State.Running}}", containerId], cancellationToken).ConfigureAwait(false);
            if (running.StandardOutput.Trim() != "true")
            {
                throw new InvalidOperationException($"tcpdump exited before capturing: {logs.CombinedOutput.Trim()}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException("tcpdump did not start listening within 20 s");
    }

    /// <summary>Stops tcpdump (SIGTERM flushes the file), copies the capture out and returns tcpdump's own summary (packets captured, dropped).</summary>
    public async Task<string> StopAndSaveAsync(string hostPath, CancellationToken cancellationToken)
    {
        await docker.RunCheckedAsync(["stop", "-t", "10", containerId], cancellationToken).ConfigureAwait(false);
        stopped = true;
        await docker.RunCheckedAsync(["cp", $"{containerId}:{File}", hostPath], cancellationToken).ConfigureAwait(false);
        var logs = await docker.RunAsync(["logs", containerId], cancellationToken).ConfigureAwait(false);
        return string.Join("; ", logs.CombinedOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => l.Contains("packets", StringComparison.Ordinal)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!stopped)
        {
            await docker.RunAsync(["stop", "-t", "2", containerId], CancellationToken.None).ConfigureAwait(false);
        }

        await docker.RunAsync(["rm", "-f", "-v", containerId], CancellationToken.None).ConfigureAwait(false);
    }
}
