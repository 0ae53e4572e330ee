using Conformance.Harness.Defects;
using Conformance.Harness.Images;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Orthanc;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// C-ECHO between our stack and DCMTK, GDCM and Orthanc on the remote code path (another engine, published
/// ports, an advertised address): the matrix runs the local topologies; this keeps the remote path honest.
/// </summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.RemotePaths))]
public sealed class RemotePathEchoTests(TopologySpec spec)
{
    private Topology topology = null!;
    private StoreScpPeer storeScp = null!;
    private OrthancPeer orthanc = null!;
    private Toolbox dcmtk = null!;
    private Toolbox gdcm = null!;

    [OneTimeSetUp]
    public async Task StartPeers()
    {
        topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        storeScp = await new DcmtkStoreScpBuilder().WithAeTitle("DCMTKSCP").StartAsync(topology, CancellationToken.None);
        orthanc = await new OrthancBuilder().StartAsync(topology, CancellationToken.None);
        dcmtk = await new ToolboxBuilder().StartAsync(topology, CancellationToken.None);
        gdcm = await new ToolboxBuilder().WithFamily(PeerFamily.Gdcm).StartAsync(topology, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopPeers()
    {
        foreach (var peer in new Conformance.Harness.Peers.StartedPeer?[] { gdcm, dcmtk, orthanc, storeScp }.OfType<Conformance.Harness.Peers.StartedPeer>())
        {
            await peer.DisposeAsync();
        }
    }

    [Test]
    public async Task Our_scu_echoes_storescp_and_orthanc()
    {
        var (storescpStatus, storescpInfo) = await OurEchoScu.EchoAsync(storeScp.OurSideEndpoint, storeScp.AeTitle, CancellationToken.None);
        var (orthancStatus, orthancInfo) = await OurEchoScu.EchoAsync(orthanc.OurSideEndpoint, orthanc.AeTitle, CancellationToken.None);

        storescpStatus.Should().Be(0x0000);
        storescpInfo.PeerImplementationVersionName.Should().StartWith("OFFIS_DCMTK");
        orthancStatus.Should().Be(0x0000);
        orthancInfo.CalledAe.Should().Be(orthanc.AeTitle);
    }

    [Test]
    public async Task Echoscu_gdcmscu_and_orthanc_echo_our_scp()
    {
        await using var ourScp = OurEchoScp.Start(topology);
        await orthanc.DefineModalityAsync("ourscp", ourScp.AeTitle, topology.OurAddressForPeers, ourScp.Port, CancellationToken.None);

        var echoscu = await dcmtk.RunAsync(ScuCommands.EchoScu(topology.OurAddressForPeers, ourScp.Port, ourScp.AeTitle), CancellationToken.None);
        var gdcmscu = await gdcm.RunAsync(ScuCommands.GdcmEcho(topology.OurAddressForPeers, ourScp.Port, ourScp.AeTitle), CancellationToken.None);
        var fromOrthanc = await orthanc.EchoAsync("ourscp", CancellationToken.None);

        echoscu.Statuses.Should().ContainSingle(s => s.Operation == "Echo" && s.IsSuccess, echoscu.Output);
        (gdcmscu.ExitCode == 0 || PeerDefectCatalog.GdcmAbortAfterRelease.Recognizes(gdcmscu)).Should().BeTrue(gdcmscu.Output);
        fromOrthanc.Should().BeTrue(await orthanc.GetLogAsync());
        (await ourScp.WaitForEchoesAsync(3)).Should().BeTrue("our SCP answered echoscu, gdcmscu and Orthanc");
    }
}
