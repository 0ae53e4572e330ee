using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Peers;

namespace Conformance.Harness.Matrix.Catalog;

/// <summary>A cell before it is placed on a topology and given a SUT: service, the SUT's role, the peer, the variant.</summary>
public sealed record CellSpec(string Service, string SutRole, PeerTool Peer, CaseVariant Variant);
