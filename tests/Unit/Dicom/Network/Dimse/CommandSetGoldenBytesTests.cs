using Conformance.Dicom.Network.Dimse;

namespace Conformance.Unit.Tests.Dicom.Network.Dimse;

/// <summary>Command sets against bytes composed by hand from PS3.7 E.1 (implicit VR little endian).</summary>
public class CommandSetGoldenBytesTests
{
    // "1.2.840.10008.1.1" (17 chars) + NUL pad.
    private const string VerificationUid = "312E322E3834302E31303030382E312E3100";

    // "1.2.840.10008.5.1.4.1.1.7" (25 chars) + NUL pad.
    private const string SecondaryCaptureUid = "312E322E3834302E31303030382E352E312E342E312E312E3700";

    private static byte[] Hex(params string[] parts) => Convert.FromHexString(string.Concat(parts).Replace(" ", "", StringComparison.Ordinal));

    [Test]
    public void CEchoRequest_encodes_to_the_standard_68_bytes()
    {
        var expected = Hex(
            "0000 0000 04000000 38000000",
            "0000 0200 12000000", VerificationUid,
            "0000 0001 02000000 3000",
            "0000 1001 02000000 0100",
            "0000 0008 02000000 0101");

        new CEchoRequest { MessageId = 1 }.Encode().Should().Equal(expected);
    }

    [Test]
    public void CEchoResponse_encodes_status_and_message_id_being_responded_to()
    {
        var expected = Hex(
            "0000 0000 04000000 42000000",
            "0000 0200 12000000", VerificationUid,
            "0000 0001 02000000 3080",
            "0000 2001 02000000 0100",
            "0000 0008 02000000 0101",
            "0000 0009 02000000 0000");

        new CEchoResponse { MessageIdBeingRespondedTo = 1, Status = DimseStatus.Success }.Encode().Should().Equal(expected);
    }

    [Test]
    public void CStoreRequest_with_move_originator_encodes_AE_with_space_padding()
    {
        var expected = Hex(
            "0000 0000 04000000 70000000",
            "0000 0200 1A000000", SecondaryCaptureUid,
            "0000 0001 02000000 0100",
            "0000 1001 02000000 0500",
            "0000 0007 02000000 0200",
            "0000 0008 02000000 0100",
            "0000 0010 06000000 312E322E3300",
            "0000 3010 06000000 4D4F56455220",
            "0000 3110 02000000 0900");

        var request = new CStoreRequest
        {
            MessageId = 5,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.1.7",
            AffectedSopInstanceUid = "1.2.3",
            Priority = DimsePriority.Low,
            MoveOriginatorAeTitle = "MOVER",
            MoveOriginatorMessageId = 9,
        };

        request.Encode().Should().Equal(expected);
    }

    [Test]
    public void CStoreResponse_failure_carries_error_comment_and_offending_element()
    {
        var expected = Hex(
            "0000 0000 04000000 70000000",
            "0000 0200 1A000000", SecondaryCaptureUid,
            "0000 0001 02000000 0180",
            "0000 2001 02000000 0500",
            "0000 0008 02000000 0101",
            "0000 0009 02000000 00A7",
            "0000 0109 04000000 1000 2000",
            "0000 0209 04000000 46554C4C",
            "0000 0010 06000000 312E322E3300");

        var response = new CStoreResponse
        {
            MessageIdBeingRespondedTo = 5,
            Status = DimseStatus.OutOfResources,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.1.7",
            AffectedSopInstanceUid = "1.2.3",
            ErrorComment = "FULL",
            OffendingElements = [0x0010_0020],
        };

        response.Encode().Should().Equal(expected);
    }

    [Test]
    public void CFindResponse_pending_announces_an_identifier()
    {
        // "1.2.840.10008.5.1.4.1.2.2.1" (27 chars) + NUL: Study Root FIND.
        var expected = Hex(
            "0000 0000 04000000 4C000000",
            "0000 0200 1C000000 312E322E3834302E31303030382E352E312E342E312E322E322E3100",
            "0000 0001 02000000 2080",
            "0000 2001 02000000 0300",
            "0000 0008 02000000 0100",
            "0000 0009 02000000 00FF");

        var response = new CFindResponse
        {
            MessageIdBeingRespondedTo = 3,
            Status = DimseStatus.Pending,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.2.2.1",
            HasIdentifier = true,
        };

        response.Encode().Should().Equal(expected);
    }

    [Test]
    public void CMoveRequest_encodes_move_destination()
    {
        // "1.2.840.10008.5.1.4.1.2.1.2" (27 chars) + NUL: Patient Root MOVE.
        var expected = Hex(
            "0000 0000 04000000 58000000",
            "0000 0200 1C000000 312E322E3834302E31303030382E352E312E342E312E322E312E3200",
            "0000 0001 02000000 2100",
            "0000 1001 02000000 0B00",
            "0000 0006 04000000 4445 5354",
            "0000 0007 02000000 0000",
            "0000 0008 02000000 0100");

        var request = new CMoveRequest
        {
            MessageId = 11,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.2.1.2",
            MoveDestination = "DEST",
        };

        request.Encode().Should().Equal(expected);
    }

    [Test]
    public void CMoveResponse_carries_all_four_sub_operation_counts()
    {
        var expected = Hex(
            "0000 0000 04000000 50000000",
            "0000 0001 02000000 2180",
            "0000 2001 02000000 0B00",
            "0000 0008 02000000 0101",
            "0000 0009 02000000 00FF",
            "0000 2010 02000000 0300",
            "0000 2110 02000000 0200",
            "0000 2210 02000000 0100",
            "0000 2310 02000000 0000");

        var response = new CMoveResponse
        {
            MessageIdBeingRespondedTo = 11,
            Status = DimseStatus.Pending,
            Remaining = 3,
            Completed = 2,
            Failed = 1,
            Warning = 0,
        };

        response.Encode().Should().Equal(expected);
    }

    [Test]
    public void CGetRequest_encodes_like_move_without_destination()
    {
        // "1.2.840.10008.5.1.4.1.2.2.3" (27 chars) + NUL: Study Root GET.
        var expected = Hex(
            "0000 0000 04000000 4C000000",
            "0000 0200 1C000000 312E322E3834302E31303030382E352E312E342E312E322E322E3300",
            "0000 0001 02000000 1000",
            "0000 1001 02000000 0200",
            "0000 0007 02000000 0100",
            "0000 0008 02000000 0100");

        var request = new CGetRequest
        {
            MessageId = 2,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.2.2.3",
            Priority = DimsePriority.High,
        };

        request.Encode().Should().Equal(expected);
    }

    [Test]
    public void CCancelRequest_is_command_field_0FFF_without_data_set()
    {
        var expected = Hex(
            "0000 0000 04000000 1E000000",
            "0000 0001 02000000 FF0F",
            "0000 2001 02000000 0300",
            "0000 0008 02000000 0101");

        new CCancelRequest { MessageIdBeingRespondedTo = 3 }.Encode().Should().Equal(expected);
    }

    [Test]
    public void Decoding_golden_bytes_gives_back_the_typed_message()
    {
        var bytes = new CStoreRequest
        {
            MessageId = 5,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.1.7",
            AffectedSopInstanceUid = "1.2.3",
            MoveOriginatorAeTitle = "MOVER",
            MoveOriginatorMessageId = 9,
        }.Encode();

        var message = DimseMessageReader.Read(bytes).Should().BeOfType<CStoreRequest>().Subject;

        message.MessageId.Should().Be(5);
        message.AffectedSopClassUid.Should().Be("1.2.840.10008.5.1.4.1.1.7");
        message.AffectedSopInstanceUid.Should().Be("1.2.3");
        message.MoveOriginatorAeTitle.Should().Be("MOVER");
        message.MoveOriginatorMessageId.Should().Be(9);
        message.HasDataSet.Should().BeTrue();
    }
}
