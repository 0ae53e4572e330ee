using Conformance.Reporting.Results;

namespace Conformance.Reporting.Report;

/// <summary>A matrix column: where and against which peer build the cases ran.</summary>
public sealed record MatrixColumn(string Topology, string Peer, string PeerVersion, string DebianSuite)
{
    public static MatrixColumn Of(CaseResult result) => new(result.Topology, result.Peer, result.PeerVersion, result.DebianSuite);

    public string PeerLabel => string.Join(' ', new[] { Peer, PeerVersion, DebianSuite.Length > 0 ? $"({DebianSuite})" : "" }.Where(s => s.Length > 0));
}
