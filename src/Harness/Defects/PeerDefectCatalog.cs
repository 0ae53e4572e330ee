using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Harness.Defects;

/// <summary>
/// The peer defects the suite knows, and the one rule for recognising them in a peer tool's run
/// (<see cref="Recognize"/>). The matrix (a case whose exchange was right but whose peer then misbehaved in a
/// catalogued way ends as <c>peer-defect</c>) and the scenarios (seed-2016's gdcmscu --move runs) both ask it.
/// </summary>
public static class PeerDefectCatalog
{
    /// <summary>
    /// gdcmscu completes the whole exchange (A-ASSOCIATE, the operation, A-RELEASE on the wire and in the
    /// SCP's log), then aborts in ULConnectionManager::BreakConnection: exit 134 (SIGABRT). Seen against
    /// DCMTK's storescp as well as our SCP, so it is GDCM's; GDCM 3.0.8 (bullseye) exits 0.
    /// </summary>
    public static readonly PeerDefect GdcmAbortAfterRelease = new(
        "gdcm-abort-after-release",
        PeerTool.GdcmScu,
        ["3.0.21", "3.0.24"],
        "gdcmscu exits 134 (SIGABRT) with \"ProtocolStream as nullptr is invalid\" after the association was released",
        "the SCP saw the operation and the A-RELEASE-RQ; the same abort happens with DCMTK storescp as the SCP (docs/harness.md)",
        result => result.ExitCode == 134 && result.Output.Contains("ProtocolStream as nullptr is invalid", StringComparison.Ordinal));

    /// <summary>
    /// Orthanc answers a C-MOVE whose destination it does not know with 0xC000 (unable to process) and an error
    /// comment, where PS3.4 C.4.2.1.4 has 0xA801 (move destination unknown). DCMTK's movescu asking the same
    /// Orthanc gets the same answer, so it is Orthanc's, not the SUT's reading of it.
    /// </summary>
    public static readonly PeerDefect OrthancUnknownMoveDestination = new(
        "orthanc-unknown-move-destination",
        PeerTool.Orthanc,
        ["1.10.", "1.12."],
        "Orthanc answers a C-MOVE to an unknown destination with 0xC000, not 0xA801 (PS3.4 C.4.2.1.4)",
        "DCMTK movescu, asking the same Orthanc, receives 0xC000 too",
        result => new Sut.External.DcmtkLogParser().Parse("c-move", result.ToProcessResult()).FinalStatus == 0xC000);

    /// <summary>
    /// gdcmscu --move opens its own storage port only after its C-MOVE-RQ went out: a C-MOVE SCP that connects
    /// at once (about a millisecond later in a capture on the bridged topology) is refused, the sub-operations
    /// fail, and gdcmscu then waits 60 s. Recognised by a final failure in gdcmscu's log while the SCP under test
    /// logged the refused connection.
    /// </summary>
    public static readonly PeerDefect GdcmMoveListensLate = new(
        "gdcm-move-listens-late",
        PeerTool.GdcmScu,
        ["3.0.21"],
        "gdcmscu --move starts listening for the sub-operations only after sending its C-MOVE-RQ, so an immediate connection is refused",
        "the capture shows the C-MOVE-RQ, then the SCP's SYN to gdcmscu's port answered with RST; movescu, which listens first, passes the same case",
        result => GdcmCommands.FinalFailures(result) > 0 || RefusedSubAssociation(result));

    /// <summary>
    /// gdcmscu --move's storage SCP accepts a presentation context whose only transfer syntax is Explicit VR Little
    /// Endian (Orthanc proposes one transfer syntax per context), then reads the C-STORE-RQ's data set as Implicit VR:
    /// GDCM throws "Should not happen (imp)" and the process aborts before answering the first sub-operation. C-MOVE
    /// SCPs that offer Implicit VR in the same context (dcmqrscp, our SCP) get it accepted and pass (seed-2016,
    /// docs/budgets.md).
    /// </summary>
    public static readonly PeerDefect GdcmStoreScpReadsImplicit = new(
        "gdcm-store-scp-reads-implicit",
        PeerTool.GdcmScu,
        ["3.0.21"],
        "gdcmscu --move accepts Explicit VR Little Endian for its storage SCP, reads the data set as Implicit VR and aborts (exit 134, \"Should not happen (imp)\") before the first C-STORE-RSP",
        "the capture at gdcmscu's storage port: its A-ASSOCIATE-AC accepts Orthanc's context 1 with 1.2.840.10008.1.2.1 only, the C-STORE-RQ and its data set arrive on it, and gdcmscu closes without a C-STORE-RSP; dcmqrscp and our SCP offer 1.2.840.10008.1.2 in the same context, gdcmscu accepts that and answers",
        result => result.ExitCode == 134 && result.Output.Contains("Should not happen (imp)", StringComparison.Ordinal));

    /// <summary>
    /// DCMTK's getscu (DcmSCU's C-GET session) reads every C-GET-RSP as a command alone: the data set of a final
    /// response that carries the Failed SOP Instance UID List (PS3.4 C.4.3.1.4) stays unread, arrives while getscu
    /// releases, and its A-RELEASE fails. Recognised by that failure in getscu's log after a C-GET whose final status
    /// reported failed sub-operations.
    /// </summary>
    public static readonly PeerDefect GetscuIgnoresGetResponseIdentifier = new(
        "getscu-ignores-get-response-identifier",
        PeerTool.GetScu,
        ["3.6."],
        "getscu does not read the final C-GET-RSP's identifier (Failed SOP Instance UID List), so its A-RELEASE fails with \"P-Data PDU arrived\"",
        "the capture shows the final C-GET-RSP and its identifier in one message before getscu's A-RELEASE-RQ; DcmSCU's C-GET session has no data set read for C-GET-RSP (DCMTK dcmnet/libsrc/scu.cc)",
        result => result.Output.Contains("P-Data PDU arrived", StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<PeerDefect> All { get; } = [GdcmAbortAfterRelease, OrthancUnknownMoveDestination, GdcmMoveListensLate, GetscuIgnoresGetResponseIdentifier, GdcmStoreScpReadsImplicit];

    /// <summary>The catalogued defect of <paramref name="peer"/> that its run shows; null when it shows none.</summary>
    public static PeerDefect? Recognize(PeerTool peer, ToolResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return All.FirstOrDefault(d => d.Peer == peer && d.Recognizes(result));
    }

    /// <summary>A defect of <paramref name="peer"/> listed for <paramref name="version"/> (to say when it no longer occurs); null when none is.</summary>
    public static PeerDefect? ListedFor(PeerTool peer, string version) => All.FirstOrDefault(d => d.Peer == peer && d.KnownIn(version));

    /// <summary>
    /// gdcmscu without its status lines (seen cross-host, seed-2016): it exits non-zero after printing the C-MOVE SCP's
    /// error comment, which says the SCP could not connect to gdcmscu's storage port ("Connection ref[used]", cut).
    /// </summary>
    private static bool RefusedSubAssociation(ToolResult result) =>
        result.ExitCode != 0 && result.Output.Contains("Cannot connect to", StringComparison.Ordinal) && result.Output.Contains("Connection ref", StringComparison.Ordinal);
}
