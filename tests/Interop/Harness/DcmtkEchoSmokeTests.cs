using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>C-ECHO with DCMTK on every local topology, in every direction: peer to peer, peer to our side, our side to peer.</summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Smoke))]
public sealed class DcmtkEchoSmokeTests(TopologySpec spec)
{
    private Topology topology = null!;
    private TestEvidence? evidence;
    private StartedPeer storeScp = null!;
    private Toolbox toolbox = null!;

    [OneTimeSetUp]
    public async Task StartPeers()
    {
        topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        TestContext.Out.WriteLine(topology.Measurement);
        storeScp = await new DcmtkStoreScpBuilder().WithAeTitle("DCMTKSCP").StartAsync(topology, CancellationToken.None);
        toolbox = await new ToolboxBuilder().StartAsync(topology, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopPeers()
    {
        if (toolbox is not null)
        {
            await toolbox.DisposeAsync();
        }

        if (storeScp is not null)
        {
            await storeScp.DisposeAsync();
        }
    }

    [SetUp]
    public async Task StartEvidence() => evidence = await TestEvidence.StartAsync(storeScp, toolbox);

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
        var result = await toolbox.RunAsync(ScuCommands.EchoScu(storeScp.AddressForPeers, storeScp.Port, storeScp.AeTitle), CancellationToken.None);

        result.ExitCode.Should().Be(0, result.Output);
        result.Statuses.Should().ContainSingle(s => s.Operation == "Echo" && s.IsSuccess, result.Output);
    }

    [Test]
    public async Task Echoscu_container_echoes_our_side()
    {
        await using var ourScp = await HostDcmtk.StartStoreScpAsync("OURSCP", CancellationToken.None);

        var result = await toolbox.RunAsync(ScuCommands.EchoScu(topology.OurAddressForPeers, ourScp.Port, "OURSCP"), CancellationToken.None);

        result.ExitCode.Should().Be(0, result.Output);
        result.Statuses.Should().ContainSingle(s => s.Operation == "Echo" && s.IsSuccess, result.Output);
    }

    [Test]
    public async Task Our_side_echoes_storescp_container()
    {
        var result = await HostDcmtk.EchoAsync(storeScp.OurSideEndpoint, storeScp.AeTitle, CancellationToken.None);

        result.ExitCode.Should().Be(0, result.CombinedOutput);
        DimseStatusParser.Parse(result.CombinedOutput).Should().ContainSingle(s => s.IsSuccess, result.CombinedOutput);
    }

    [Test]
    public async Task Echoscu_container_echoes_our_scp()
    {
        await using var ourScp = OurEchoScp.Start(topology);

        var result = await toolbox.RunAsync(ScuCommands.EchoScu(topology.OurAddressForPeers, ourScp.Port, ourScp.AeTitle), CancellationToken.None);

        result.ExitCode.Should().Be(0, result.Output);
        result.Statuses.Should().ContainSingle(s => s.Operation == "Echo" && s.IsSuccess, result.Output);
        (await ourScp.WaitForEchoesAsync(1)).Should().BeTrue();
    }

    [Test]
    public async Task Our_scu_echoes_storescp_container()
    {
        var (status, info) = await OurEchoScu.EchoAsync(storeScp.OurSideEndpoint, storeScp.AeTitle, CancellationToken.None);

        status.Should().Be(0x0000);
        info.PeerImplementationVersionName.Should().StartWith("OFFIS_DCMTK");
    }
}
