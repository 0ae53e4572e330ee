using Conformance.Harness.Defects;
using Conformance.Harness.Images;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// C-ECHO between peers with no C# on the wire, on every topology the harness has: proves the peer images
/// and the topologies themselves before the matrix puts our stack between them.
/// </summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Smoke))]
public sealed class PeerToPeerEchoTests(TopologySpec spec)
{
    private StoreScpPeer storeScp = null!;
    private Toolbox dcmtk = null!;
    private Toolbox gdcm = null!;
    private TestEvidence? evidence;

    [OneTimeSetUp]
    public async Task StartPeers()
    {
        var topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        storeScp = await new DcmtkStoreScpBuilder().WithAeTitle("DCMTKSCP").StartAsync(topology, CancellationToken.None);
        dcmtk = await new ToolboxBuilder().StartAsync(topology, CancellationToken.None);
        gdcm = await new ToolboxBuilder().WithFamily(PeerFamily.Gdcm).StartAsync(topology, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopPeers()
    {
        foreach (var peer in new Conformance.Harness.Peers.StartedPeer?[] { gdcm, dcmtk, storeScp }.OfType<Conformance.Harness.Peers.StartedPeer>())
        {
            await peer.DisposeAsync();
        }
    }

    [SetUp]
    public async Task StartEvidence() => evidence = await TestEvidence.StartAsync(storeScp);

    [TearDown]
    public async Task FinishEvidence()
    {
        if (evidence is not null)
        {
            await evidence.FinishAsync();
        }
    }

    [Test]
    public async Task Echoscu_container_echoes_storescp_container()
    {
        var result = await dcmtk.RunAsync(ScuCommands.EchoScu(storeScp.AddressForPeers, storeScp.Port, storeScp.AeTitle), CancellationToken.None);

        result.ExitCode.Should().Be(0, result.Output);
        result.Statuses.Should().ContainSingle(s => s.Operation == "Echo" && s.IsSuccess, result.Output);
    }

    [Test]
    public async Task Gdcmscu_container_echoes_storescp_container()
    {
        var result = await gdcm.RunAsync(ScuCommands.GdcmEcho(storeScp.AddressForPeers, storeScp.Port, storeScp.AeTitle), CancellationToken.None);

        (result.ExitCode == 0 || PeerDefectCatalog.GdcmAbortAfterRelease.Recognizes(result)).Should().BeTrue(result.Output);
        var log = await storeScp.GetLogAsync();
        log.Should().Contain("GDCMSCU", "storescp -d logs the calling AE title of the association it accepted");
        log.Should().Contain("Received Echo Request").And.Contain("Association Release");
    }
}
