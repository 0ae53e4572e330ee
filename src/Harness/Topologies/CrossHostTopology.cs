using System.Globalization;
using System.Net;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Processes;
using Conformance.Harness.Setup;
using DotNet.Testcontainers.Containers;

namespace Conformance.Harness.Topologies;

/// <summary>
/// A routed "second host" with Docker alone: the peer sits on a bridge with no host address
/// (inhibit_ipv4), behind a router container with IP forwarding; the host routes the peer
/// subnet via the router, the peer's default route points at the router. Shaping (tbf rate,
/// netem latency where the kernel has it) is applied on the router's two interfaces.
/// </summary>
public sealed class CrossHostTopology : Topology
{
    private readonly SuiteNetwork near;
    private readonly SuiteNetwork far;
    private readonly string routerName;

    private CrossHostTopology(TopologySpec spec, HarnessEnvironment environment, SuiteNetwork near, SuiteNetwork far, string routerName)
        : base(spec, environment, environment.Settings.DockerHost)
    {
        this.near = near;
        this.far = far;
        this.routerName = routerName;
    }

    public static async Task<CrossHostTopology> StartAsync(TopologySpec spec, HarnessEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(environment);
        var docker = environment.Docker;
        var near = await SuiteNetwork.CreateAsync(docker, "near", inhibitHostAddress: false, cancellationToken).ConfigureAwait(false);
        var far = await SuiteNetwork.CreateAsync(docker, "far", inhibitHostAddress: true, cancellationToken).ConfigureAwait(false);
        var routerName = $"conformance-router-{SuiteLabels.CurrentRunId}-{far.ThirdOctet}";
        var topology = new CrossHostTopology(spec, environment, near, far, routerName);
        try
        {
            await topology.StartRouterAsync(cancellationToken).ConfigureAwait(false);
            await topology.ShapeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await topology.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return topology;
    }

    public override IPAddress OurListenAddress => near.Gateway;

    public override string OurAddressForPeers => near.Gateway.ToString();

    public override PeerPlacement Allocate(int preferredPort) => new(far.Name, far.NextAddress(), preferredPort);

    /// <summary>Points the peer's default route at the router (from the host, so the peer needs no privileges).</summary>
    public override async Task OnStartedAsync(IContainer container, PeerPlacement placement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var pid = await Docker.RunCheckedAsync(["inspect", "-f", "{{.State.Pid}}", container.Id], cancellationToken).ConfigureAwait(false);
        await RunHostAsync("nsenter", ["-t", pid, "-n", "ip", "route", "replace", "default", "via", far.RouterAddress.ToString()], cancellationToken).ConfigureAwait(false);
    }

    private async Task StartRouterAsync(CancellationToken cancellationToken)
    {
        var create = new List<string>
        {
            "create", "--name", routerName,
            "--network", near.Name, "--ip", near.RouterAddress.ToString(),
            "--cap-add", "NET_ADMIN", "--sysctl", "net.ipv4.ip_forward=1",
        };
        foreach (var (key, value) in SuiteLabels.ForThisRun)
        {
            create.AddRange(["--label", $"{key}={value}"]);
        }

        create.AddRange([Environment.Image(PeerFamily.NetTools).Tag, "sleep", "infinity"]);
        await Docker.RunCheckedAsync(create, cancellationToken).ConfigureAwait(false);
        await Docker.RunCheckedAsync(["network", "connect", "--ip", far.RouterAddress.ToString(), far.Name, routerName], cancellationToken).ConfigureAwait(false);
        await Docker.RunCheckedAsync(["start", routerName], cancellationToken).ConfigureAwait(false);
        await RunHostAsync("ip", ["route", "replace", far.Subnet, "via", near.RouterAddress.ToString()], cancellationToken).ConfigureAwait(false);
    }

    private async Task ShapeAsync(CancellationToken cancellationToken)
    {
        var netem = Spec.AddedLatency is { } latency && await TryNetemAsync(latency, cancellationToken).ConfigureAwait(false);
        if (Spec.AddedLatency is not null && !netem)
        {
            Note($"netem is not available in this kernel: no latency was added (asked for {Spec.AddedLatency.Value.TotalMilliseconds} ms)");
        }
        else if (netem)
        {
            Note($"netem adds {Spec.AddedLatency!.Value.TotalMilliseconds} ms each way at the router");
        }

        if (Spec.RateLimitMbit is { } rate)
        {
            var parent = netem ? "parent 1: handle 2:" : "root";
            await RouterShellAsync(
                $"for d in $(ifs); do tc qdisc add dev $d {parent} tbf rate {rate}mbit burst 64kb latency 50ms || exit 1; done",
                cancellationToken).ConfigureAwait(false);
            Note($"tbf limits the router to {rate} Mbit/s each way");
        }
    }

    private async Task<bool> TryNetemAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        var ms = latency.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        var result = await RouterShellResultAsync(
            $"for d in $(ifs); do tc qdisc add dev $d root handle 1: netem delay {ms}ms || exit 1; done", cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await RouterShellResultAsync("for d in $(ifs); do tc qdisc del dev $d root 2>/dev/null; done; true", cancellationToken).ConfigureAwait(false);
        }

        return result.Succeeded;
    }

    private async Task RouterShellAsync(string script, CancellationToken cancellationToken)
    {
        var result = await RouterShellResultAsync(script, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"router {routerName}: '{script}' failed: {result.CombinedOutput}");
        }
    }

    private Task<ProcessResult> RouterShellResultAsync(string script, CancellationToken cancellationToken)
    {
        // ifs: the router's interfaces on the two suite networks, found by their fixed addresses.
        var prelude = $"ifs() {{ ip -o -4 addr show | awk '$4 ~ /^({Escape(near.RouterAddress)}|{Escape(far.RouterAddress)})\\// {{print $2}}' | sed 's/@.*//'; }}; ";
        return Docker.RunAsync(["exec", routerName, "sh", "-c", prelude + script], cancellationToken);
    }

    private static string Escape(IPAddress address) => address.ToString().Replace(".", "\\.", StringComparison.Ordinal);

    private static async Task RunHostAsync(string program, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(program, arguments, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {result.CombinedOutput}");
        }
    }

    protected override async ValueTask DisposeCoreAsync()
    {
        await ProcessRunner.RunAsync("ip", ["route", "del", far.Subnet], CancellationToken.None).ConfigureAwait(false);
        await Docker.RunAsync(["rm", "-f", routerName], CancellationToken.None).ConfigureAwait(false);
        await far.DisposeAsync().ConfigureAwait(false);
        await near.DisposeAsync().ConfigureAwait(false);
    }
}
