using System.Globalization;
using Conformance.Dicom.Network.Association;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>
/// `conformance scp` under load: 500 concurrent associations held while a legitimate client's C-ECHO and
/// C-STORE latency is measured and compared with the same client's latency without load (same run, ratios
/// only); the association limit answers "local limit exceeded" (transient), counting connections that have
/// not associated yet.
/// </summary>
[TestFixture]
[Category("Reliability")]
public class LoadTests
{
    private const int Concurrent = 500;
    private const int Operations = 20;

    /// <summary>A starvation detector, not a speed target: under load the median may grow, but not by this factor.</summary>
    private const double MedianGrowthAllowed = 50;

    [Test]
    public async Task Holds_500_concurrent_associations_and_serves_a_legitimate_client_meanwhile()
    {
        using var scp = await ScpUnderLoad.StartAsync(maxAssociations: 600);
        var port = scp.Port;
        await LoadClients.MeasureAsync(port, 5, round: 0); // warm-up: JIT and first-use costs stay out of the baseline
        var baseline = await LoadClients.MeasureAsync(port, Operations, round: 1);

        var held = await LoadClients.HoldAssociationsAsync(port, Concurrent);
        List<double> echoUnderLoad, storeUnderLoad;
        try
        {
            held.Should().HaveCount(Concurrent).And.OnlyContain(a => a.Failure == null, "all 500 associations are established and held");
            (echoUnderLoad, storeUnderLoad) = await LoadClients.MeasureAsync(port, Operations, round: 2);
            held.Should().OnlyContain(a => a.Failure == null, "the held associations are still there after the measurement");
        }
        finally
        {
            await LoadClients.ReleaseAllAsync(held);
        }

        var echoRatio = LoadClients.Percentile(echoUnderLoad, 0.5) / LoadClients.Percentile(baseline.Echo, 0.5);
        var storeRatio = LoadClients.Percentile(storeUnderLoad, 0.5) / LoadClients.Percentile(baseline.Store, 0.5);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Concurrent} associations held. C-ECHO p50 {LoadClients.Percentile(baseline.Echo, 0.5):F1} -> {LoadClients.Percentile(echoUnderLoad, 0.5):F1} ms (x{echoRatio:F2}), " +
            $"p95 {LoadClients.Percentile(baseline.Echo, 0.95):F1} -> {LoadClients.Percentile(echoUnderLoad, 0.95):F1} ms; " +
            $"C-STORE p50 {LoadClients.Percentile(baseline.Store, 0.5):F1} -> {LoadClients.Percentile(storeUnderLoad, 0.5):F1} ms (x{storeRatio:F2}), " +
            $"p95 {LoadClients.Percentile(baseline.Store, 0.95):F1} -> {LoadClients.Percentile(storeUnderLoad, 0.95):F1} ms"));
        echoRatio.Should().BeLessThan(MedianGrowthAllowed);
        storeRatio.Should().BeLessThan(MedianGrowthAllowed);
    }

    [Test]
    public async Task Beyond_the_limit_an_association_is_rejected_local_limit_exceeded_and_admitted_again_once_one_ends()
    {
        using var scp = await ScpUnderLoad.StartAsync(maxAssociations: 20);
        var port = scp.Port;
        var held = await LoadClients.HoldAssociationsAsync(port, 20);
        try
        {
            await ExpectLocalLimitExceededAsync(port, "the 21st association is beyond the limit");

            await held[0].DisposeAsync();
            held.RemoveAt(0);
            await WaitForAdmissionAsync(port);
        }
        finally
        {
            await LoadClients.ReleaseAllAsync(held);
        }
    }

    [Test]
    public async Task Connections_that_have_not_associated_count_against_the_limit()
    {
        using var scp = await ScpUnderLoad.StartAsync(maxAssociations: 20);
        var port = scp.Port;
        var silent = await LoadClients.HoldSilentConnectionsAsync(port, 20);
        try
        {
            await ExpectLocalLimitExceededAsync(port, "20 silent connections (Sta2) already fill a limit of 20 (issue 10: MaxAssociations counts only established ones)");
        }
        finally
        {
            silent.ForEach(s => s.Dispose());
        }
    }

    /// <summary>The SCP process on a fresh storage directory and port, with its runner; disposing kills it and removes the directory.</summary>
    private sealed class ScpUnderLoad : IDisposable
    {
        private readonly HostProcessRunner _runner = new();
        private readonly TempDirectory _storage = new("reliability-load");
        private ScpProcess? _scp;

        public int Port { get; } = FreePort.Get();

        public static async Task<ScpUnderLoad> StartAsync(int maxAssociations)
        {
            var started = new ScpUnderLoad();
            started._scp = await ScpProcess.StartAsync(started._runner, started._storage.Path, started.Port, "--quiet", "--max-associations", maxAssociations.ToString(CultureInfo.InvariantCulture));
            return started;
        }

        public void Dispose()
        {
            _scp?.Dispose();
            _runner.Dispose();
            _storage.Dispose();
        }
    }

    private static async Task ExpectLocalLimitExceededAsync(int port, string because)
    {
        var rejected = await RejectionAsync(port);
        rejected.Should().NotBeNull(because);
        ((int)rejected!.Result, (int)rejected.RejectSource, (int)rejected.Reason).Should().Be((2, 3, 2), "PS3.8 9.3.4: transient, service-provider (presentation), local-limit-exceeded");
    }

    private static async Task<AssociationRejectedException?> RejectionAsync(int port)
    {
        try
        {
            await using var extra = await DicomAssociation.ConnectAsync(LoadClients.EchoRequest(port), Conformance.Dicom.Network.Transport.ConnectionOptions.Default, CancellationToken.None);
            return null;
        }
        catch (AssociationRejectedException ex)
        {
            return ex;
        }
    }

    /// <summary>The slot of an ended association is given back (the SCP notices the release asynchronously: retry a few times).</summary>
    private static async Task WaitForAdmissionAsync(int port)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await RejectionAsync(port) is null)
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("after one of the 20 associations ended, a new one is still rejected");
    }
}
