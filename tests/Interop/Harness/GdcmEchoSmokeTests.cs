using Conformance.Harness.Images;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>C-ECHO with GDCM on every topology: GDCM has no SCP, so gdcmscu is always the caller.</summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Smoke))]
public sealed class GdcmEchoSmokeTests(TopologySpec spec)
{
    private Topology topology = null!;
    private TestEvidence? evidence;
    private Toolbox gdcm = null!;

    [OneTimeSetUp]
    public async Task StartGdcm()
    {
        topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        gdcm = await new ToolboxBuilder().WithFamily(PeerFamily.Gdcm).StartAsync(topology, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopGdcm()
    {
        if (gdcm is not null)
        {
            await gdcm.DisposeAsync();
        }
    }

    [SetUp]
    public async Task StartEvidence() => evidence = await TestEvidence.StartAsync(gdcm);

    [TearDown]
    public async Task FinishEvidence()
    {
        if (evidence is not null)
        {
            await evidence.FinishAsync();
        }
    }

    [Test]
    public async Task Gdcmscu_echoes_our_side()
    {
        await using var ourScp = await HostDcmtk.StartStoreScpAsync("OURSCP", CancellationToken.None);

        var result = await gdcm.RunAsync(ScuCommands.GdcmEcho(topology.OurAddressForPeers, ourScp.Port, "OURSCP"), CancellationToken.None);

        GdcmKnownDefects.EndedCleanlyOrWithAbortAfterRelease(result).Should().BeTrue(result.Output);
        (await ourScp.WaitForLogAsync("Received Echo Request")).Should().BeTrue(ourScp.Log);
        (await ourScp.WaitForLogAsync("Association Release")).Should().BeTrue("gdcmscu released the association: " + ourScp.Log);
    }

    [Test]
    public async Task Gdcmscu_echoes_dcmtk_storescp()
    {
        StartedPeer storeScp = await new DcmtkStoreScpBuilder().StartAsync(topology, CancellationToken.None);
        await using (storeScp)
        {
            var result = await gdcm.RunAsync(ScuCommands.GdcmEcho(storeScp.AddressForPeers, storeScp.Port, storeScp.AeTitle), CancellationToken.None);

            GdcmKnownDefects.EndedCleanlyOrWithAbortAfterRelease(result).Should().BeTrue(result.Output);
            var log = await storeScp.GetLogAsync();
            log.Should().Contain("GDCMSCU", "storescp -d logs the calling AE title of the association it accepted");
            log.Should().Contain("Received Echo Request").And.Contain("Association Release");
        }
    }

    [Test]
    public async Task Gdcmscu_echoes_our_scp()
    {
        await using var ourScp = OurEchoScp.Start(topology);

        var result = await gdcm.RunAsync(ScuCommands.GdcmEcho(topology.OurAddressForPeers, ourScp.Port, ourScp.AeTitle), CancellationToken.None);

        GdcmKnownDefects.EndedCleanlyOrWithAbortAfterRelease(result).Should().BeTrue(result.Output);
        (await ourScp.WaitForEchoesAsync(1)).Should().BeTrue("our SCP answered gdcmscu's C-ECHO: " + result.Output);
        ourScp.Listener.Counters.Failed.Should().Be(0, "gdcmscu released the association before it aborted");
    }
}
