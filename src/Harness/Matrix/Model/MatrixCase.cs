using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Peers;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Matrix.Model;

/// <summary>The service a case exercises (the first segment of its id).</summary>
public static class Services
{
    public const string Echo = "echo";
    public const string Store = "store";
    public const string Find = "find";
    public const string Move = "move";
    public const string Get = "get";
    public const string Negotiation = "negotiation";
    public const string Fault = "fault";

    public static IReadOnlyList<string> All { get; } = [Echo, Store, Find, Move, Get, Negotiation, Fault];
}

/// <summary>The role of the system under test in a case.</summary>
public static class SutRoles
{
    public const string Scu = "scu";
    public const string Scp = "scp";
}

/// <summary>
/// One matrix case, as data: service, the SUT's role, the SUT, the peer tool, the topology and the variant
/// (which also knows how to run itself against a <see cref="Running.CellContext"/>). Its id follows
/// docs/matrix.md: <c>{service}/{sut_role}/{sut}/{peer-tool}/{topology}/{variant}</c>.
/// </summary>
public sealed record MatrixCase(string Service, string SutRole, string Sut, PeerTool Peer, TopologySpec Topology, CaseVariant Variant)
{
    public string Id => $"{Service}/{SutRole}/{Sut}/{Peer.Name}/{Topology.Name}/{Variant.Name}".ToLowerInvariant();

    public override string ToString() => Id;
}
