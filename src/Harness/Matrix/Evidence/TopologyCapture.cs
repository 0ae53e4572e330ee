using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Topologies;
using HostConfig = Docker.DotNet.Models.HostConfig;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Matrix.Evidence;

/// <summary>
/// One packet capture per topology for a whole run: tcpdump in a nettools container on the host network,
/// filtered to the topology's traffic, 256 bytes per packet (headers, PDU headers and commands; enough to
/// read an exchange, small enough to keep running). A failing case copies it out and keeps its own time window.
/// </summary>
public sealed class TopologyCapture : IAsyncDisposable
{
    private const string File = "/capture/topology.pcap";
    private readonly IContainer _container;
    private readonly DockerCli _docker;

    private TopologyCapture(IContainer container, DockerCli docker)
    {
        _container = container;
        _docker = docker;
    }

    public static async Task<TopologyCapture> StartAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var probe = topology.Allocate(1);
        var filter = probe.OnHostNetwork ? "net 127.0.0.0/8" : $"net {string.Join('.', probe.Address.ToString().Split('.')[..3])}.0/24";
        var interfaceName = probe.OnHostNetwork ? "lo" : "any";
        var builder = new ContainerBuilder(topology.Environment.Image(PeerFamily.NetTools).Tag)
            .WithEntrypoint("sh", "-c", "mkdir -p /capture && exec \"$@\"", "sh")
            .WithCommand("tcpdump", "-i", interfaceName, "--immediate-mode", "-U", "-s", "256", "-w", File, filter)
            .WithLabel(SuiteLabels.ForThisRun)
            .WithCleanUp(true)
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig ??= new HostConfig();
                p.HostConfig.NetworkMode = "host";
                p.HostConfig.Init = true;
            })
            .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("test", "-s", File));
        var container = builder.Build();
        await container.StartAsync(cancellationToken).ConfigureAwait(false);
        return new TopologyCapture(container, topology.Docker);
    }

    /// <summary>Copies the packets captured since <paramref name="since"/> (UTC) to <paramref name="path"/>.</summary>
    public async Task<string> SaveSinceAsync(DateTime since, string path, CancellationToken cancellationToken)
    {
        var whole = path + ".whole";
        await _docker.RunCheckedAsync(["cp", $"{_container.Id}:{File}", whole], cancellationToken).ConfigureAwait(false);
        try
        {
            PcapWindow.Copy(whole, path, since);
        }
        finally
        {
            System.IO.File.Delete(whole);
        }

        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await _docker.RunAsync(["rm", "-f", "-v", _container.Id], CancellationToken.None).ConfigureAwait(false);
        await _container.DisposeAsync().ConfigureAwait(false);
    }
}
