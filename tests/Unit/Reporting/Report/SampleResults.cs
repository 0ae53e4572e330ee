using Conformance.Reporting.Results;

namespace Conformance.Unit.Tests.Reporting.Report;

/// <summary>Results documents built in tests: a small matrix with every outcome, timings for ours and the reference.</summary>
public static class SampleResults
{
    public static CaseResult Row(string service, string sut, string peer, string topology, CaseOutcome outcome, string variant = "default", string suite = "bookworm") => new()
    {
        Id = $"{service}/scu/{sut}/{peer}/{topology}/{variant}",
        Service = service,
        SutRole = "scu",
        Sut = sut,
        Peer = peer,
        PeerVersion = "3.6.7",
        DebianSuite = suite,
        Topology = topology,
        Variant = variant,
        Outcome = outcome,
        Message = outcome == CaseOutcome.Fail ? "expected 100 objects stored, saw 99\nsecond line" : "ok",
        StartedAt = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        DurationMs = 1500,
    };

    public static OperationTimings Timings(double typical, int count = 40, double stall = 0) => new()
    {
        Operation = "c-store",
        Count = count,
        TotalMs = typical * count + stall,
        LatenciesMs = [.. Enumerable.Range(0, count).Select(i => typical * (0.8 + (i % 5 * 0.1)) + (i == count - 1 ? stall : 0))],
    };

    /// <summary>store and echo on two topologies; one canary failure with a stall signature and evidence, one peer defect, one not-applicable.</summary>
    public static ResultsDocument Document() => new()
    {
        Producer = "unit test",
        GeneratedAt = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero),
        Machine = "test machine",
        Links = [new LinkResult { Topology = "bridged", RoundTripMs = 0.05, ThroughputMbit = 20000, Method = "iperf3 2 s" }],
        Results =
        [
            Row("store", "ours", "storescp", "bridged", CaseOutcome.Pass) with { Timings = Timings(2.0) },
            Row("store", "dcmtk", "storescp", "bridged", CaseOutcome.Pass) with { Timings = Timings(3.0) },
            Row("store", "ours", "storescp", "same-host", CaseOutcome.Fail, "nagle-canary") with
            {
                Timings = Timings(45.0, stall: 200),
                Budget = new BudgetResult { Verdict = BudgetOutcome.Fail, Signature = "nagle-delayed-ack", Message = "40 of 40 stalled", Operations = 40, StalledOperations = 40, Reference = "dcmtk-nodelay p50 2 ms" },
                Evidence = ["evidence/store-nagle/storescp.log", "evidence/store-nagle/capture.pcap"],
            },
            Row("store", "dcmtk", "storescp", "same-host", CaseOutcome.Pass) with { Timings = Timings(2.5) },
            Row("echo", "ours", "orthanc", "bridged", CaseOutcome.PeerDefect) with { Defect = "orthanc-1.10-slow-release", Message = "Orthanc answered A-RELEASE-RP after 1 s" },
            Row("get", "ours", "orthanc", "bridged", CaseOutcome.NotApplicable) with { Message = "Orthanc before 1.12.6 has no C-GET SCU" },
        ],
    };
}
