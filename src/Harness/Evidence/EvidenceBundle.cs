namespace Conformance.Harness.Evidence;

/// <summary>Files that show what happened during one test: the peer's log and a packet capture of its traffic.</summary>
public sealed record EvidenceBundle(string PeerLogPath, string CapturePath);
