using Conformance.Harness.Processes;

namespace Conformance.Harness.Setup;

/// <summary>
/// iperf3 on our side of every topology: the self-measurement's throughput client. On a local engine a
/// host-network container can stand in for it; for a remote engine only the host's own client can.
/// </summary>
internal static class HostMeasurementTools
{
    public static async Task EnsureAsync(HarnessSettings settings, Action<string> log, CancellationToken cancellationToken)
    {
        if (ProcessRunner.FindOnPath("iperf3") is not null)
        {
            log("iperf3 is on this host (topology throughput measurements)");
            return;
        }

        if (!settings.MayInstall || !Environment.IsPrivilegedProcess || ProcessRunner.FindOnPath("apt-get") is null)
        {
            log("iperf3 is not on this host and setup cannot install it here: topologies on a remote engine will report RTT only "
                + "(install it with apt-get install iperf3)");
            return;
        }

        log("installing iperf3 on this host (the topologies' throughput measurement from our side)");
        await AptGet.InstallAsync(["iperf3"], settings.MayInstall, log, "Install it by hand (apt-get install iperf3).", cancellationToken)
            .ConfigureAwait(false);
    }
}
