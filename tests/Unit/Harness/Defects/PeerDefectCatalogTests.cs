using Conformance.Harness.Defects;
using Conformance.Harness.Peers;
using Conformance.Harness.Peers.Tools;

namespace Conformance.Unit.Tests.Harness.Defects;

/// <summary>The catalogue recognises gdcmscu's misbehaviours from its output as the 2016 scenario captured them.</summary>
public class PeerDefectCatalogTests
{
    private static ToolResult Gdcmscu(int exit, string stderr) => new("gdcmscu --move ...", exit, "", stderr, TimeSpan.FromSeconds(1));

    private static string? Recognised(ToolResult result) => PeerDefectCatalog.Recognize(PeerTool.GdcmScu, result)?.Id;

    [Test]
    public void An_explicit_vr_data_set_read_as_implicit_is_gdcm_store_scp_reads_implicit()
    {
        var aborted = Gdcmscu(134, "terminate called after throwing an instance of 'gdcm::Exception'\n  what():  ./Source/Common/gdcmException.h:74 (): Should not happen (imp)\nAborted\n");

        Recognised(aborted).Should().Be("gdcm-store-scp-reads-implicit");
    }

    [Test]
    public void The_abort_after_release_and_the_refused_sub_association_keep_their_own_ids()
    {
        var afterRelease = Gdcmscu(134, "what():  ./Source/Common/gdcmException.h:74 (): ProtocolStream as nullptr is invalid\nAborted\n");
        var refused = Gdcmscu(1, "(0000,0900) ?? (US) 42754\nRefused: Out of Resources Unable to perform sub-operations\n(0000,0900) ?? (US) 42754\n");

        Recognised(afterRelease).Should().Be("gdcm-abort-after-release");
        Recognised(refused).Should().Be("gdcm-move-listens-late");
        Recognised(Gdcmscu(0, "")).Should().BeNull();
    }

    [Test]
    public void A_refused_sub_association_without_status_lines_is_gdcm_move_listens_late()
    {
        var refused = Gdcmscu(1, "Refused: Out of Resources Unable to perform sub-operations\nError: In ./Source/MessageExchangeDefinition/gdcmULConnectionManager.cxx, line 764\n"
            + " Tag 0x0,0x902 reported as Cannot connect to GDCMSCU at 198.19.252.15:11113: Connection ref\nCould not construct PDU for itemtype: 0\n");

        Recognised(refused).Should().Be("gdcm-move-listens-late");
        Recognised(refused with { ExitCode = 0 }).Should().BeNull("a run that ended well is no defect");
    }
}
