using Conformance.Harness.Peers.Tools;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// Defects of the packaged GDCM tools that the suite has seen, so tests can tell them from
/// failures of the exchange itself.
/// </summary>
internal static class GdcmKnownDefects
{
    /// <summary>
    /// gdcmscu --echo in Debian's GDCM 3.0.21 (bookworm) and 3.0.24 (trixie) completes the whole
    /// exchange (A-ASSOCIATE, C-ECHO, A-RELEASE, seen on the wire and in the SCP's log), then
    /// aborts in ULConnectionManager::BreakConnection: "ProtocolStream as nullptr is invalid",
    /// exit code 134 (SIGABRT).
    /// </summary>
    public static bool IsAbortAfterRelease(ToolResult result) =>
        result.ExitCode == 134 && result.Output.Contains("ProtocolStream as nullptr is invalid", StringComparison.Ordinal);

    /// <summary>Exit 0, or the known abort that happens only after the association was released.</summary>
    public static bool EndedCleanlyOrWithAbortAfterRelease(ToolResult result) =>
        result.ExitCode == 0 || IsAbortAfterRelease(result);
}
