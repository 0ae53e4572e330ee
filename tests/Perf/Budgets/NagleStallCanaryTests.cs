using System.Diagnostics;
using System.Globalization;
using Conformance.Generation;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Budgets;
using Conformance.Harness.HostPeers;
using Conformance.Harness.Processes;

namespace Conformance.Perf.Tests;

/// <summary>
/// The stall budget on loopback against a host storescp (DCMTK), with per-image times taken at the
/// receiver (gaps between storescp's "Received Store Request" lines). The canaries reproduce
/// mechanism A (Nagle + delayed ACK) on purpose, with DCMTK's defaults and with our stack's
/// pathological mode, and the budget must flag both with the right signature; the controls with the
/// stall's cause removed must pass. A budget that flags everything or nothing fails here.
/// </summary>
[NonParallelizable]
public class NagleStallCanaryTests
{
    private const int Images = 30;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private string _work = "";
    private IReadOnlyList<string> _files = [];

    [OneTimeSetUp]
    public async Task Generate_ct_images()
    {
        foreach (var tool in new[] { "storescp", "storescu" })
        {
            if (ProcessRunner.FindOnPath(tool) is null)
            {
                Assert.Fail($"DCMTK's {tool} is not on PATH: install Debian's dcmtk (apt-get install dcmtk); .ci/run does.");
            }
        }

        _work = Directory.CreateTempSubdirectory("conformance-stall-").FullName;
        var options = new GenerationOptions { Modality = GeneratedModality.CT, Count = Images, Seed = 2016 };
        _files = await TestDataGenerator.WriteFilesAsync(options, Path.Combine(_work, "in"), CancellationToken.None);
    }

    [OneTimeTearDown]
    public void Remove_work_directory()
    {
        if (Directory.Exists(_work))
        {
            Directory.Delete(_work, recursive: true);
        }
    }

    [Test]
    public async Task Dcmtk_defaults_on_both_sides_are_flagged_as_a_nagle_delayed_ack_stall()
    {
        var verdict = await StorescuToStorescpAsync(noDelay: false);

        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck, verdict.ToString());
    }

    [Test]
    public async Task Dcmtk_with_TCP_NODELAY_on_both_sides_is_within_the_budget()
    {
        var verdict = await StorescuToStorescpAsync(noDelay: true);

        verdict.Stalled.Should().BeFalse(verdict.ToString());
    }

    [Test]
    public async Task Our_scu_against_a_default_storescp_is_within_the_budget()
    {
        var verdict = await OurScuToDefaultStorescpAsync(ConnectionOptions.Default);

        verdict.Stalled.Should().BeFalse(verdict.ToString());
    }

    [Test]
    public async Task Our_scu_in_pathological_mode_is_flagged_as_a_nagle_delayed_ack_stall()
    {
        var verdict = await OurScuToDefaultStorescpAsync(ConnectionOptions.Pathological);

        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck, verdict.ToString());
    }

    private async Task<StallVerdict> StorescuToStorescpAsync(bool noDelay)
    {
        using var timeout = new CancellationTokenSource(Limit);
        await using var scp = await StoreScpProcess.StartAsync(NewOutputDirectory(), noDelay, timeout.Token);
        string[] arguments =
        [
            "-aec", StoreScpProcess.AeTitle, "127.0.0.1", scp.Port.ToString(CultureInfo.InvariantCulture), .. _files,
        ];
        await DcmtkEnvironment.RunAsync("storescu", arguments, noDelay, timeout.Token);
        return await VerdictAtReceiverAsync(scp, timeout.Token);
    }

    private async Task<StallVerdict> OurScuToDefaultStorescpAsync(ConnectionOptions connection)
    {
        using var timeout = new CancellationTokenSource(Limit);
        await using var scp = await StoreScpProcess.StartAsync(NewOutputDirectory(), noDelay: false, timeout.Token);
        var scu = new DicomScu(new DicomScuOptions
        {
            Host = "127.0.0.1",
            Port = scp.Port,
            CalledAe = StoreScpProcess.AeTitle,
            Connection = connection,
        });

        var result = await scu.StoreFilesAsync(_files, progress: null, timeout.Token);

        result.Outcomes.Should().HaveCount(Images).And.OnlyContain(o => o.Status.IsSuccess, "storescp must accept every image");
        return await VerdictAtReceiverAsync(scp, timeout.Token);
    }

    private static async Task<StallVerdict> VerdictAtReceiverAsync(StoreScpProcess scp, CancellationToken ct)
    {
        await scp.WaitForStoreRequestsAsync(Images, ct);
        var stamps = scp.StoreRequestStamps();
        stamps.Should().HaveCount(Images, "storescp must log every store request; its output ends with:\n" + scp.RecentOutput());
        Directory.EnumerateFiles(scp.OutputDirectory).Should().HaveCount(Images, "storescp must have written every image");

        var gaps = stamps.Zip(stamps.Skip(1), (earlier, later) => Stopwatch.GetElapsedTime(earlier, later));
        var verdict = StallBudget.PerMessage.Evaluate(gaps);
        await TestContext.Out.WriteLineAsync(verdict.ToString());
        return verdict;
    }

    private string NewOutputDirectory() => Path.Combine(_work, "out-" + Guid.NewGuid().ToString("N"));
}
