using Conformance.Harness.Evidence;
using Conformance.Harness.Peers;
using NUnit.Framework.Interfaces;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Per-test evidence for fixtures: start in [SetUp], finish in [TearDown]. A failed test gets the
/// peer's log and the packet capture of its traffic attached to its result; a passed one drops them.
/// </summary>
internal sealed class TestEvidence(EvidenceRecorder recorder)
{
    public static async Task<TestEvidence> StartAsync(StartedPeer peer) =>
        new(await EvidenceRecorder.StartAsync(peer, CancellationToken.None));

    public async Task FinishAsync()
    {
        await using (recorder)
        {
            if (TestContext.CurrentContext.Result.Outcome.Status != TestStatus.Failed)
            {
                return;
            }

            var bundle = await recorder.CollectAsync(EvidenceDirectory(), TestContext.CurrentContext.Test.FullName, CancellationToken.None);
            TestContext.AddTestAttachment(bundle.PeerLogPath, "peer debug log");
            TestContext.AddTestAttachment(bundle.CapturePath, "packet capture (pcap)");
        }
    }

    public static string EvidenceDirectory() => Path.Combine(TestContext.CurrentContext.WorkDirectory, "evidence");
}
