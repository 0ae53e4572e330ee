using Conformance.Harness.Evidence;
using Conformance.Harness.Peers;
using NUnit.Framework.Interfaces;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Per-test evidence for fixtures: start in [SetUp], finish in [TearDown]. A failed test gets each
/// recorded peer's log and a packet capture from its network namespace attached to its result
/// (record the SCP and the caller's container, so the test's traffic is captured whichever side
/// our process was on); a passed test drops them.
/// </summary>
internal sealed class TestEvidence(IReadOnlyList<EvidenceRecorder> recorders)
{
    public static async Task<TestEvidence> StartAsync(params StartedPeer[] peers)
    {
        var recorders = new List<EvidenceRecorder>();
        foreach (var peer in peers)
        {
            recorders.Add(await EvidenceRecorder.StartAsync(peer, CancellationToken.None));
        }

        return new TestEvidence(recorders);
    }

    public async Task FinishAsync()
    {
        var failed = TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed;
        for (var i = 0; i < recorders.Count; i++)
        {
            await using (recorders[i])
            {
                if (!failed)
                {
                    continue;
                }

                var bundle = await recorders[i].CollectAsync(EvidenceDirectory(), $"{TestContext.CurrentContext.Test.FullName}.{i}", CancellationToken.None);
                TestContext.AddTestAttachment(bundle.PeerLogPath, $"peer {i} log");
                TestContext.AddTestAttachment(bundle.CapturePath, $"packet capture in peer {i}'s network namespace (pcap)");
            }
        }
    }

    public static string EvidenceDirectory() => Path.Combine(TestContext.CurrentContext.WorkDirectory, "evidence");
}
