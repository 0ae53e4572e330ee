using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>C-ECHO with Orthanc on every topology, both directions.</summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Smoke))]
public sealed class OrthancEchoSmokeTests(TopologySpec spec)
{
    private Topology topology = null!;
    private TestEvidence? evidence;
    private OrthancPeer orthanc = null!;

    [OneTimeSetUp]
    public async Task StartOrthanc()
    {
        topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        orthanc = await new OrthancBuilder().StartAsync(topology, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopOrthanc()
    {
        if (orthanc is not null)
        {
            await orthanc.DisposeAsync();
        }
    }

    [SetUp]
    public async Task StartEvidence() => evidence = await TestEvidence.StartAsync(orthanc);

    [TearDown]
    public async Task FinishEvidence()
    {
        if (evidence is not null)
        {
            await evidence.FinishAsync();
        }
    }

    [Test]
    public async Task Our_side_echoes_orthanc()
    {
        var result = await HostDcmtk.EchoAsync(orthanc.OurSideEndpoint, orthanc.AeTitle, CancellationToken.None);

        result.ExitCode.Should().Be(0, result.CombinedOutput);
        DimseStatusParser.Parse(result.CombinedOutput).Should().ContainSingle(s => s.IsSuccess, result.CombinedOutput);
    }

    [Test]
    public async Task Orthanc_echoes_our_side()
    {
        await using var ourScp = await HostDcmtk.StartStoreScpAsync("OURSCP", CancellationToken.None);
        await orthanc.DefineModalityAsync("ours", "OURSCP", topology.OurAddressForPeers, ourScp.Port, CancellationToken.None);

        var echoed = await orthanc.EchoAsync("ours", CancellationToken.None);

        echoed.Should().BeTrue(await orthanc.GetLogAsync());
    }

    [Test]
    public async Task Our_scu_echoes_orthanc()
    {
        var (status, info) = await OurEchoScu.EchoAsync(orthanc.OurSideEndpoint, orthanc.AeTitle, CancellationToken.None);

        status.Should().Be(0x0000);
        info.CalledAe.Should().Be(orthanc.AeTitle);
    }

    [Test]
    public async Task Orthanc_echoes_our_scp()
    {
        await using var ourScp = OurEchoScp.Start(topology);
        await orthanc.DefineModalityAsync("ourscp", ourScp.AeTitle, topology.OurAddressForPeers, ourScp.Port, CancellationToken.None);

        var echoed = await orthanc.EchoAsync("ourscp", CancellationToken.None);

        echoed.Should().BeTrue(await orthanc.GetLogAsync());
        (await ourScp.WaitForEchoesAsync(1)).Should().BeTrue();
    }
}
