using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>One run of <c>topology</c>: the machine, the options, and each topology's results in the order measured.</summary>
public sealed class TopologyReport(MachineInfo machine, TopologyOptions options, long datasetLength, IReadOnlyList<TopologyResult> topologies) : IBenchmarkReport
{
    public MachineInfo Machine { get; } = machine;

    public TopologyOptions Options { get; } = options;

    public long DatasetLength { get; } = datasetLength;

    public IReadOnlyList<TopologyResult> Topologies { get; } = topologies;

    public DateTime MeasuredUtc { get; init; } = DateTime.UtcNow;

    public string CommandLine { get; set; } = "";

    /// <summary>Peer image the storescp containers ran (its DCMTK version), when known.</summary>
    public string PeerImage { get; init; } = "";
}
