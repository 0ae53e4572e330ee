using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;
using Conformance.Harness.Processes;
using DotNet.Testcontainers.Builders;

namespace Conformance.Harness.Topologies;

/// <summary>
/// Measures a topology between its two ends: an iperf3 server placed where a peer would sit,
/// our side as client. RTT is the median TCP connect time (one SYN/SYN-ACK round trip) over
/// 15 connects; throughput is iperf3's received rate over 2 s.
/// </summary>
public static class LinkMeasurer
{
    private const int Samples = 15;

    public static async Task<LinkMeasurement> MeasureAsync(Topology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var placement = topology.Allocate(5201);
        var port = placement.Port.ToString(CultureInfo.InvariantCulture);
        var builder = topology.Place(
            new ContainerBuilder(topology.Environment.Image(PeerFamily.NetTools).Tag)
                .WithCommand("iperf3", "-s", "-p", port)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilCommandIsCompleted("sh", "-c", $"ss -Hltn | grep -q ':{port} '")),
            placement);
        var server = await topology.StartPlacedAsync(builder.Build(), placement, cancellationToken).ConfigureAwait(false);
        try
        {
            var endpoint = topology.OurSideEndpoint(server, placement);
            var rtt = await MedianConnectTimeAsync(endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
            var (throughput, method) = await ThroughputAsync(topology, endpoint.Host, endpoint.Port, cancellationToken).ConfigureAwait(false);
            var note = topology.Notes.Count == 0 ? null : string.Join("; ", topology.Notes);
            return new LinkMeasurement(topology.Spec.Name, rtt, throughput, method, note);
        }
        finally
        {
            await topology.RemoveAsync(server).ConfigureAwait(false);
        }
    }

    private static async Task<TimeSpan> MedianConnectTimeAsync(string host, int port, CancellationToken cancellationToken)
    {
        var samples = new List<TimeSpan>();
        var refused = 0;
        while (samples.Count < Samples)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var stopwatch = Stopwatch.StartNew();
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException) when (++refused <= 5)
            {
                // A loaded host: iperf3 may not be accepting yet (or still closing the last connect). Measure again shortly.
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                continue;
            }

            samples.Add(stopwatch.Elapsed);
            socket.Close();

            // Let iperf3 notice the dropped control connection before the next one.
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }

        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static async Task<(double? Mbit, string Method)> ThroughputAsync(Topology topology, string host, int port, CancellationToken cancellationToken)
    {
        string[] client = ["iperf3", "-c", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-t", "2", "-J"];
        ProcessResult result;
        string method;
        if (ProcessRunner.FindOnPath("iperf3") is not null)
        {
            result = await ProcessRunner.RunAsync("iperf3", client[1..], cancellationToken).ConfigureAwait(false);
            method = "TCP connect RTT; iperf3 on this host";
        }
        else if (topology.EngineIsLocal)
        {
            // The host network namespace is our side's, so a client container there measures the same path.
            result = await topology.Docker.RunAsync(
                ["run", "--rm", "--network", "host", .. SuiteLabels.CliArguments, topology.Environment.Image(PeerFamily.NetTools).Tag, .. client], cancellationToken).ConfigureAwait(false);
            method = "TCP connect RTT; iperf3 in a host-network container";
        }
        else
        {
            return (null, "TCP connect RTT; no iperf3 on this host for a remote engine");
        }

        if (!result.Succeeded)
        {
            return (null, $"TCP connect RTT; iperf3 failed: {result.CombinedOutput.Trim().Split('\n').LastOrDefault()}");
        }

        using var json = JsonDocument.Parse(result.StandardOutput);
        var bits = json.RootElement.GetProperty("end").GetProperty("sum_received").GetProperty("bits_per_second").GetDouble();
        return (bits / 1e6, method);
    }
}
