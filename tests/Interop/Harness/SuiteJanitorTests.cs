using System.Diagnostics;
using System.Globalization;
using Conformance.Harness.Docker;
using Conformance.Harness.Images;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Leftovers of a run killed with SIGKILL are removed by the next run's start; resources of a
/// run that is still alive are left alone.
/// </summary>
public sealed class SuiteJanitorTests
{
    [Test]
    public async Task Resources_of_a_killed_run_are_removed_and_those_of_a_live_run_are_kept()
    {
        var docker = HarnessSetUpFixture.Environment.Docker;
        var image = HarnessSetUpFixture.Environment.Image(PeerFamily.NetTools).Tag;
        using var owner = Process.Start(new ProcessStartInfo("sleep", "600") { UseShellExecute = false })!;
        var killedRun = "killed" + Guid.NewGuid().ToString("N")[..6];
        var liveRun = "live" + Guid.NewGuid().ToString("N")[..6];
        string[] killedLabels = Labels(killedRun, owner.Id);
        string[] liveLabels = Labels(liveRun, Environment.ProcessId);
        try
        {
            await docker.RunCheckedAsync(["network", "create", .. killedLabels, $"conformance-test-{killedRun}"], CancellationToken.None);
            await docker.RunCheckedAsync(["create", .. killedLabels, "--network", $"conformance-test-{killedRun}", image, "sleep", "600"], CancellationToken.None);
            await docker.RunCheckedAsync(["create", .. liveLabels, image, "sleep", "600"], CancellationToken.None);
            owner.Kill();
            await owner.WaitForExitAsync();

            await new SuiteJanitor(docker, HarnessSetUpFixture.Log).RemoveLeftoversAsync(CancellationToken.None);

            var janitor = new SuiteJanitor(docker, HarnessSetUpFixture.Log);
            (await janitor.CountAsync(l => l.GetValueOrDefault(SuiteLabels.RunId) == killedRun, CancellationToken.None))
                .Should().Be((0, 0), "the owner of that run was killed");
            (await janitor.CountAsync(l => l.GetValueOrDefault(SuiteLabels.RunId) == liveRun, CancellationToken.None))
                .Should().Be((1, 0), "the owner of that run (this process) is alive");
        }
        finally
        {
            await new SuiteJanitor(docker, HarnessSetUpFixture.Log).RemoveRunAsync(liveRun, CancellationToken.None);
            await new SuiteJanitor(docker, HarnessSetUpFixture.Log).RemoveRunAsync(killedRun, CancellationToken.None);
        }
    }

    private static string[] Labels(string run, int pid) =>
    [
        "--label", SuiteLabels.SuiteFilter,
        "--label", $"{SuiteLabels.RunId}={run}",
        "--label", $"{SuiteLabels.OwnerPid}={pid.ToString(CultureInfo.InvariantCulture)}",
        "--label", $"{SuiteLabels.OwnerHost}={Environment.MachineName}",
    ];
}
