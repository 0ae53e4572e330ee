using Conformance.Dicom.Network.Dimse;

namespace Conformance.Unit.Tests.Dicom.Network.Dimse;

public class DimseResponsesTests
{
    [Test]
    public void A_store_failure_answers_with_the_instance_and_the_comment()
    {
        var request = new CStoreRequest { MessageId = 7, AffectedSopClassUid = "1.2", AffectedSopInstanceUid = "1.2.3" };

        var response = (CStoreResponse)DimseResponses.For(request, DimseStatus.OutOfResources, "disk full");

        response.MessageIdBeingRespondedTo.Should().Be(7);
        response.AffectedSopInstanceUid.Should().Be("1.2.3");
        response.ErrorComment.Should().Be("disk full");
    }

    [Test]
    public void A_success_carries_no_error_comment()
    {
        var response = DimseResponses.For(new CEchoRequest { MessageId = 1 }, DimseStatus.Success, "ignored");

        response.Should().BeOfType<CEchoResponse>().Which.ErrorComment.Should().BeNull();
    }

    [Test]
    public void Each_request_type_gets_its_own_response_type()
    {
        DimseResponses.For(new CFindRequest { AffectedSopClassUid = "1" }, DimseStatus.Success).Should().BeOfType<CFindResponse>();
        DimseResponses.For(new CMoveRequest { AffectedSopClassUid = "1", MoveDestination = "X" }, DimseStatus.Success).Should().BeOfType<CMoveResponse>();
        DimseResponses.For(new CGetRequest { AffectedSopClassUid = "1" }, DimseStatus.Success).Should().BeOfType<CGetResponse>();
    }
}
