using Conformance.Harness.Peers.Tools;

namespace Conformance.Unit.Tests.Harness.Peers;

public sealed class DimseStatusParserTests
{
    [Test]
    public void Verbose_echo_response_is_a_success_without_a_code()
    {
        var statuses = DimseStatusParser.Parse("I: Requesting Association\nI: Association Accepted (Max Send PDV: 16372)\nI: Sending Echo Request (MsgID 1)\nI: Received Echo Response (Success)\nI: Releasing Association\n");

        statuses.Should().ContainSingle().Which.Should().Be(new DimseStatusLine("Echo", "Success", null));
        statuses[0].IsSuccess.Should().BeTrue();
    }

    [Test]
    public void Debug_output_gives_the_status_code_of_the_response_that_follows()
    {
        const string output = "D: DIMSE Status                : 0xa700: Refused: Out of Resources\nI: Received Store Response (Refused: OutOfResources)\n";

        var status = DimseStatusParser.Parse(output).Should().ContainSingle().Subject;

        status.Code.Should().Be(0xA700);
        status.IsSuccess.Should().BeFalse();
    }

    [Test]
    public void Final_find_response_is_recognised()
    {
        DimseStatusParser.Parse("I: Received Final Find Response (Success)\n").Should().ContainSingle(s => s.Operation == "Find" && s.IsSuccess);
    }

    [Test]
    public void Getscu_c_get_responses_are_named_get()
    {
        var statuses = DimseStatusParser.Parse("I: Received C-GET Response (Pending)\nI: Received C-GET Response (Success)\n");

        statuses.Select(s => s.Operation).Should().Equal("Get", "Get");
        statuses[^1].IsSuccess.Should().BeTrue();
    }
}
