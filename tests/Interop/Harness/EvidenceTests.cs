using System.Text;
using Conformance.Harness.Evidence;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Harness.Peers.Tools;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Proves the evidence path: a deliberately failing case (storescp refusing every association)
/// is recorded, and the log and capture taken hold that case's traffic.
/// </summary>
[TestFixtureSource(typeof(TopologyCatalog), nameof(TopologyCatalog.Local))]
public sealed class EvidenceTests(TopologySpec spec)
{
    private const string CallingAe = "EVIDENCECALL";

    [Test]
    public async Task A_failing_case_leaves_the_peer_log_and_a_capture_of_its_traffic()
    {
        var topology = await HarnessSetUpFixture.Topologies.GetAsync(spec, CancellationToken.None);
        await using var refusing = await new DcmtkStoreScpBuilder().WithAeTitle("REFUSING").WithArguments("--refuse").StartAsync(topology, CancellationToken.None);
        await using var toolbox = await new ToolboxBuilder().StartAsync(topology, CancellationToken.None);
        await using var recorder = await EvidenceRecorder.StartAsync(refusing, CancellationToken.None);

        var failing = await toolbox.RunAsync(ScuCommands.EchoScu(refusing.AddressForPeers, refusing.Port, "REFUSING", CallingAe), CancellationToken.None);
        var bundle = await recorder.CollectAsync(TestEvidence.EvidenceDirectory(), $"evidence-proof-{spec.Name}", CancellationToken.None);
        TestContext.AddTestAttachment(bundle.PeerLogPath, "peer debug log of the deliberately failing case");
        TestContext.AddTestAttachment(bundle.CapturePath, "packet capture of the deliberately failing case");

        failing.ExitCode.Should().NotBe(0, "storescp --refuse rejects the association: this is the failing case");
        var log = await File.ReadAllTextAsync(bundle.PeerLogPath);
        log.Should().Contain(CallingAe, "the peer's debug log shows the refused A-ASSOCIATE-RQ with its calling AE");
        var capture = await File.ReadAllBytesAsync(bundle.CapturePath);
        IsPcap(capture).Should().BeTrue("tcpdump writes the classic pcap format");
        ContainsAscii(capture, CallingAe).Should().BeTrue("the A-ASSOCIATE-RQ carrying the calling AE was captured");
        ContainsAscii(capture, "REFUSING").Should().BeTrue("the called AE is in the captured A-ASSOCIATE-RQ too");
    }

    private static bool IsPcap(byte[] file) =>
        file.Length > 24 && (BitConverter.ToUInt32(file, 0) is 0xa1b2c3d4 or 0xd4c3b2a1 or 0xa1b23c4d or 0x4d3cb2a1);

    private static bool ContainsAscii(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.ASCII.GetBytes(needle)) >= 0;
}
