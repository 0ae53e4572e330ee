using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Defects;

/// <summary>
/// A known misbehaviour of a peer while our side is right: the peer tool and the versions it is known in,
/// how it is recognised in the tool's run, and the evidence that it is the peer's (docs/matrix.md).
/// </summary>
public sealed record PeerDefect(string Id, PeerTool Peer, IReadOnlyList<string> KnownInVersions, string Recognition, string Evidence, Func<ToolResult, bool> Recognizes)
{
    /// <summary>Whether a package version (e.g. "3.0.21-1") is one the defect is known in.</summary>
    public bool KnownIn(string version) => KnownInVersions.Any(v => version.StartsWith(v, StringComparison.Ordinal));
}
