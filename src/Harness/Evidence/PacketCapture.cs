using System.Globalization;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Peers;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Evidence;

/// <summary>
/// tcpdump in a nettools container that shares the peer's network namespace (or the host's,
/// filtered to the peer's port, for a peer on the host network). The capture stays inside the
/// container and is copied out with docker cp (tar streaming), so it works on remote engines too.
/// </summary>
public sealed class PacketCapture : IAsyncDisposable
{
    private const string CaptureFile = "/capture/traffic.pcap";
    private readonly IContainer container;
    private readonly DockerCli docker;

    private PacketCapture(IContainer container, DockerCli docker)
    {
        this.container = container;
        this.docker = docker;
    }

    public static async Task<PacketCapture> StartAsync(StartedPeer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var topology = peer.Topology;
        var networkMode = peer.Placement.OnHostNetwork ? "host" : $"container:{peer.Container.Id}";
        var command = new List<string> { "tcpdump", "-i", "any", "--immediate-mode", "-U", "-s", "0", "-w", CaptureFile };
        if (peer.Placement.OnHostNetwork)
        {
            command.AddRange(["port", peer.Port.ToString(CultureInfo.InvariantCulture)]);
        }

        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.NetTools).Tag)
            .WithEntrypoint("sh", "-c", "mkdir -p /capture && exec \"$@\"", "sh")
            .WithCommand([.. command])
            .WithLabel(SuiteLabels.ForThisRun)
            .WithCleanUp(true)
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.NetworkMode = networkMode;
                p.HostConfig.Init = true;
            })
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("test", "-s", CaptureFile));
        if (topology.DockerEndpoint is not null)
        {
            builder = builder.WithDockerEndpoint(topology.DockerEndpoint);
        }

        var capture = builder.Build();
        await capture.StartAsync(cancellationToken).ConfigureAwait(false);

        // tcpdump writes the file header when it opens the file, slightly before the capture is armed.
        await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken).ConfigureAwait(false);
        return new PacketCapture(capture, topology.Docker);
    }

    /// <summary>Stops tcpdump (SIGTERM flushes it) and copies the capture to <paramref name="hostPath"/>.</summary>
    public async Task<string> StopAndSaveAsync(string hostPath, CancellationToken cancellationToken)
    {
        await docker.RunCheckedAsync(["stop", "-t", "5", container.Id], cancellationToken).ConfigureAwait(false);
        await docker.RunCheckedAsync(["cp", $"{container.Id}:{CaptureFile}", hostPath], cancellationToken).ConfigureAwait(false);
        return hostPath;
    }

    public async ValueTask DisposeAsync()
    {
        await docker.RunAsync(["rm", "-f", "-v", container.Id], CancellationToken.None).ConfigureAwait(false);
        await container.DisposeAsync().ConfigureAwait(false);
    }
}
