using System.Numerics;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// The 2016 case as a peer-to-peer scenario, no C# on the wire: DCMTK movescu (with its own
/// storage SCP) retrieves a study from a DCMTK dcmqrscp whose host table points back at it.
/// </summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Local))]
public sealed class DcmtkMoveScenarioTests(TopologySpec spec)
{
    [Test]
    public async Task Movescu_retrieves_a_stored_study_from_dcmqrscp()
    {
        var topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        var input = Directory.CreateTempSubdirectory("conformance-move-in-").FullName;
        var output = Directory.CreateTempSubdirectory("conformance-move-out-").FullName;
        try
        {
            var studyUid = NewUid();
            await File.WriteAllTextAsync(Path.Combine(input, "object.dump"), Dump(studyUid));
            await using var toolbox = await new ToolboxBuilder().WithAeTitle("MOVESCU").WithInputDirectory(input).WithOutputDirectory(output).StartAsync(topology, CancellationToken.None);
            StartedPeer qrscp = await new DcmqrscpBuilder().WithMoveDestination("MOVESCU", toolbox.AddressForPeers, toolbox.Port).StartAsync(topology, CancellationToken.None);
            await using (qrscp)
            {
                var made = await toolbox.RunAsync(new ToolCommand("dump2dcm", ["/data/in/object.dump", "/data/in/object.dcm"], new Dictionary<string, string>()), CancellationToken.None);
                made.ExitCode.Should().Be(0, made.Output);
                var stored = await toolbox.RunAsync(ScuCommands.StoreScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, ["/data/in/object.dcm"]), CancellationToken.None);
                stored.Statuses.Should().ContainSingle(s => s.Operation == "Store" && s.IsSuccess, stored.Output);

                var moved = await toolbox.RunAsync(
                    ScuCommands.MoveScu(qrscp.AddressForPeers, qrscp.Port, qrscp.AeTitle, "MOVESCU", toolbox.Port, ["0008,0052=STUDY", $"0020,000d={studyUid}"]),
                    CancellationToken.None);

                moved.ExitCode.Should().Be(0, moved.Output);
                moved.Statuses.Should().Contain(s => s.Operation == "Move" && s.IsSuccess, moved.Output);
                Directory.GetFiles(output).Should().ContainSingle("movescu's storage SCP wrote the one retrieved object to the bound folder");
                TestContext.Out.WriteLine($"{spec.Name}: store {stored.Elapsed.TotalMilliseconds:F1} ms, move {moved.Elapsed.TotalMilliseconds:F1} ms");
            }
        }
        finally
        {
            Directory.Delete(input, recursive: true);
            Directory.Delete(output, recursive: true);
        }
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
