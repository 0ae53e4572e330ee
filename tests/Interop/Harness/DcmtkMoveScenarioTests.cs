using System.Numerics;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Peer-to-peer query/retrieve with no C# on the wire. The 2016 case: DCMTK movescu (with its
/// own storage SCP) retrieves a study from a DCMTK dcmqrscp whose host table points back at it.
/// Also findscu and getscu against the same archive.
/// </summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Local))]
public sealed class DcmtkMoveScenarioTests(TopologySpec spec)
{
    private readonly string studyUid = NewUid();
    private string input = null!;
    private string output = null!;
    private Toolbox toolbox = null!;
    private StartedPeer qrscp = null!;

    [OneTimeSetUp]
    public async Task StartArchiveWithOneStudy()
    {
        var topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        input = Directory.CreateTempSubdirectory("conformance-qr-in-").FullName;
        output = Directory.CreateTempSubdirectory("conformance-qr-out-").FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "object.dump"), Dump(studyUid));
        toolbox = await new ToolboxBuilder().WithAeTitle("MOVESCU").WithInputDirectory(input).WithOutputDirectory(output).StartAsync(topology, CancellationToken.None);
        qrscp = await new DcmqrscpBuilder().WithMoveDestination("MOVESCU", toolbox.AddressForPeers, toolbox.Port).StartAsync(topology, CancellationToken.None);

        var made = await toolbox.RunAsync(new ToolCommand("dump2dcm", ["/data/in/object.dump", "/data/in/object.dcm"], new Dictionary<string, string>()), CancellationToken.None);
        made.ExitCode.Should().Be(0, made.Output);
        var stored = await toolbox.RunAsync(ScuCommands.StoreScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, ["/data/in/object.dcm"]), CancellationToken.None);
        stored.Statuses.Should().ContainSingle(s => s.Operation == "Store" && s.IsSuccess, stored.Output);
    }

    [OneTimeTearDown]
    public async Task StopArchive()
    {
        if (qrscp is not null)
        {
            await qrscp.DisposeAsync();
        }

        if (toolbox is not null)
        {
            await toolbox.DisposeAsync();
        }

        Directory.Delete(input, recursive: true);
        Directory.Delete(output, recursive: true);
    }

    [Test]
    public async Task Movescu_retrieves_the_study_into_its_own_storage_scp()
    {
        var moved = await toolbox.RunAsync(
            ScuCommands.MoveScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, "MOVESCU", toolbox.Port, ["0008,0052=STUDY", $"0020,000d={studyUid}"], outputDirectory: "/data/out"),
            CancellationToken.None);

        moved.ExitCode.Should().Be(0, moved.Output);
        moved.Statuses.Should().Contain(s => s.Operation == "Move" && s.IsSuccess, moved.Output);
        Directory.GetFiles(output).Should().ContainSingle("movescu's storage SCP wrote the one retrieved object to the bound folder");
        TestContext.Out.WriteLine($"{spec.Name}: move {moved.Elapsed.TotalMilliseconds:F1} ms");
    }

    [Test]
    public async Task Findscu_finds_the_study()
    {
        var found = await toolbox.RunAsync(
            ScuCommands.FindScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, ["0008,0052=STUDY", "0020,000d=", "0010,0020=MOVE2016"]),
            CancellationToken.None);

        found.ExitCode.Should().Be(0, found.Output);
        found.Statuses.Should().Contain(s => s.Operation == "Find" && s.IsSuccess, found.Output);
        found.Output.Should().Contain(studyUid, "the matching study's UID is returned");
    }

    [Test]
    public async Task Getscu_retrieves_the_study_on_its_own_association()
    {
        await toolbox.Container.ExecAsync(["mkdir", "-p", "/data/out/get"]);

        var got = await toolbox.RunAsync(
            ScuCommands.GetScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, ["0008,0052=STUDY", $"0020,000d={studyUid}"], outputDirectory: "/data/out/get"),
            CancellationToken.None);

        got.ExitCode.Should().Be(0, got.Output);
        got.Statuses.Should().Contain(s => s.Operation == "Get" && s.IsSuccess, got.Output);
        Directory.GetFiles(Path.Combine(output, "get")).Should().ContainSingle();
    }

    private static string NewUid() => "2.25." + new BigInteger(Guid.NewGuid().ToByteArray(), isUnsigned: true);

    private static string Dump(string studyUid) => $"""
        (0008,0016) UI =SecondaryCaptureImageStorage
        (0008,0018) UI [{NewUid()}]
        (0008,0020) DA [20161201]
        (0008,0060) CS [OT]
        (0010,0010) PN [Conformance^Move]
        (0010,0020) LO [MOVE2016]
        (0020,000d) UI [{studyUid}]
        (0020,000e) UI [{NewUid()}]
        (0020,0013) IS [1]
        """;
}
