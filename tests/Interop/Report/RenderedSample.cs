using Conformance.Reporting.Results;

namespace Conformance.Interop.Tests.Report;

/// <summary>
/// A results document as the matrix will write it: three topologies, ours and the DCMTK reference on
/// each, a canary whose stall the budget flags (with evidence), a peer defect and a not-applicable cell.
/// </summary>
internal static class RenderedSample
{
    private static readonly string[] Topologies = ["same-host", "bridged", "cross-host"];

    public static ResultsDocument Document()
    {
        var rows = new List<CaseResult>();
        foreach (var topology in Topologies)
        {
            var scale = Array.IndexOf(Topologies, topology) + 1.0;
            foreach (var (service, peer) in new[] { ("store", "storescp"), ("find", "dcmqrscp"), ("echo", "orthanc") })
            {
                rows.Add(Case(service, "ours", peer, topology, CaseOutcome.Pass, 1.2 * scale));
                rows.Add(Case(service, "dcmtk", peer, topology, CaseOutcome.Pass, 1.9 * scale));
            }
        }

        rows.Add(Case("store", "ours", "storescp", "same-host", CaseOutcome.Fail, 44, "nagle-canary") with
        {
            Message = "budget: 30 of 30 C-STOREs stalled 40-44 ms against the reference p50 1.9 ms",
            Budget = new BudgetResult { Verdict = BudgetOutcome.Fail, Signature = "nagle-delayed-ack", Message = "30 of 30 stalled", Operations = 30, StalledOperations = 30, Reference = "dcmtk p50 1.9 ms" },
            Evidence = ["evidence/store-nagle-canary/storescp.log", "evidence/store-nagle-canary/capture.pcap"],
        });
        rows.Add(Case("move", "ours", "orthanc", "bridged", CaseOutcome.PeerDefect, 3) with { Defect = "orthanc-move-slow-release", Message = "Orthanc held the release for 1 s" });
        rows.Add(Case("get", "ours", "orthanc", "bridged", CaseOutcome.NotApplicable, 0) with { Timings = null, Message = "Orthanc before 1.12.6 has no C-GET SCU" });
        return new ResultsDocument
        {
            Producer = "ReportRenderedByChromiumTests",
            GeneratedAt = DateTimeOffset.UtcNow,
            Machine = "rendering test",
            Links = [.. Topologies.Select(t => new LinkResult { Topology = t, RoundTripMs = 0.05, ThroughputMbit = 20000, Method = "iperf3 2 s" })],
            Results = rows,
            Notes = ["sample document built by the rendering test, not a run"],
        };
    }

    private static CaseResult Case(string service, string sut, string peer, string topology, CaseOutcome outcome, double typicalMs, string variant = "default") => new()
    {
        Id = $"{service}/scu/{sut}/{peer}/{topology}/{variant}",
        Service = service,
        SutRole = "scu",
        Sut = sut,
        Peer = peer,
        PeerVersion = "3.6.7-9~deb12u4",
        DebianSuite = "bookworm",
        Topology = topology,
        Variant = variant,
        Outcome = outcome,
        Message = "ok",
        DurationMs = 900,
        StartedAt = DateTimeOffset.UtcNow,
        Timings = new OperationTimings
        {
            Operation = service == "store" ? "c-store" : service == "find" ? "c-find-response" : "c-echo",
            Count = 30,
            TotalMs = typicalMs * 30,
            LatenciesMs = [.. Enumerable.Range(0, 30).Select(i => typicalMs * (0.7 + (i % 7 * 0.1)))],
        },
    };
}
