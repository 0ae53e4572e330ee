using Conformance.Harness.Processes;
using Conformance.Harness.Sut;
using Conformance.Harness.Sut.External;

namespace Conformance.Interop.Tests.Matrix.Parts;

/// <summary>Reading DCMTK's -d logs (lines as DCMTK 3.6.7 prints them): statuses, sub-operation counts, failed UIDs, rejections.</summary>
public sealed class DcmtkLogParserTests
{
    [Test]
    public void A_final_move_response_gives_status_counts_and_the_failed_uid_list()
    {
        var run = Parse("c-move", """
            D: ===================== OUTGOING DIMSE MESSAGE ====================
            D: Message Type                  : C-MOVE RQ
            D: ======================= END DIMSE MESSAGE =======================
            I: Received Final Move Response
            D: ===================== INCOMING DIMSE MESSAGE ====================
            D: Message Type                  : C-MOVE RSP
            D: Remaining Suboperations       : none
            D: Completed Suboperations       : 2
            D: Failed Suboperations          : 1
            D: Warning Suboperations         : 0
            D: DIMSE Status                  : 0xb000: Warning: Sub-operations complete - One or more failures or warnings
            D: ======================= END DIMSE MESSAGE =======================
            D: (0008,0058) UI [1.2.3.4\1.2.3.5]                          #  16, 2 FailedSOPInstanceUIDList
            I: Releasing Association
            """);

        run.Association.Should().Be(AssociationResult.Established);
        run.FinalStatus.Should().Be(0xB000);
        run.Counts.Should().Be(new RetrieveCounts(2, 1, 0));
        run.FailedSopInstanceUids.Should().Equal("1.2.3.4", "1.2.3.5");
        run.Latencies.Should().ContainSingle();
    }

    [Test]
    public void A_rejection_gives_result_source_and_reason_as_numbers()
    {
        var run = Parse("c-echo", """
            I: Requesting Association
            F: Association Rejected:
            F: Result: Rejected Permanent, Source: Service User
            F: Reason: Called AE Title Not Recognized
            """);

        run.Association.Should().Be(AssociationResult.Rejected);
        run.Rejection.Should().Be(new Rejection(1, 1, 7));
        run.Statuses.Should().BeEmpty();
    }

    [Test]
    public void Each_store_response_is_one_status()
    {
        var block = """
            D: ===================== OUTGOING DIMSE MESSAGE ====================
            D: Message Type                  : C-STORE RQ
            D: ===================== INCOMING DIMSE MESSAGE ====================
            D: Message Type                  : C-STORE RSP
            D: DIMSE Status                  : 0x{0}: whatever
            """;
        var run = Parse("c-store", string.Format(System.Globalization.CultureInfo.InvariantCulture, block, "0000") + "\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, block, "0110"));

        run.Statuses.Should().Equal(0x0000, 0x0110);
        run.Latencies.Should().HaveCount(2);
    }

    private static ScuRun Parse(string operation, string output)
    {
        var lines = output.Split('\n').Select((l, i) => new StampedLine(i * 1000L, true, l.TrimEnd('\r'))).ToList();
        return new DcmtkLogParser().Parse(operation, new ProcessResult(0, "", output, TimeSpan.Zero) { Lines = lines });
    }
}
