using Conformance.Dicom.Network.Dimse;

namespace Conformance.Unit.Tests.Dicom.Network.Dimse;

public class CommandSetCodecTests
{
    [Test]
    public void Round_trips_every_response_type_with_its_fields()
    {
        var original = new CGetResponse
        {
            MessageIdBeingRespondedTo = 4,
            Status = DimseStatus.SubOperationsCompleteWithFailures,
            AffectedSopClassUid = "1.2.840.10008.5.1.4.1.2.2.3",
            Remaining = 0,
            Completed = 7,
            Failed = 2,
            Warning = 1,
            HasIdentifier = true,
            ErrorComment = "two failed",
        };

        var decoded = (CGetResponse)DimseMessageReader.Read(original.Encode());

        decoded.Should().BeEquivalentTo(original);
    }

    [Test]
    public void Rejects_a_group_length_that_disagrees_with_the_bytes_that_follow()
    {
        var bytes = new CEchoRequest { MessageId = 1 }.Encode();
        bytes[8] += 2;

        var act = () => CommandSetCodec.Decode(bytes);

        act.Should().Throw<DimseFormatException>().WithMessage("*Group Length declares 58*56 follow*");
    }

    [Test]
    public void Rejects_an_element_longer_than_what_remains()
    {
        var bytes = new CEchoRequest { MessageId = 1 }.Encode();

        bytes[^6] = 4;

        var act = () => CommandSetCodec.Decode(bytes);

        act.Should().Throw<DimseFormatException>().WithMessage("*(0000,0800) declares 4 bytes*only 2 remain*");
    }

    [Test]
    public void Rejects_an_element_outside_group_0000()
    {
        byte[] bytes = [0x08, 0x00, 0x18, 0x00, 0x00, 0x00, 0x00, 0x00];

        var act = () => CommandSetCodec.Decode(bytes);

        act.Should().Throw<DimseFormatException>().WithMessage("*(0008,0018)*not in command group 0000*");
    }

    [Test]
    public void Rejects_a_truncated_element_header()
    {
        var act = () => CommandSetCodec.Decode(new byte[5]);

        act.Should().Throw<DimseFormatException>().WithMessage("*truncated at offset 0*");
    }

    [Test]
    public void Reports_a_missing_required_element_by_tag()
    {
        var command = new CommandSet();
        command.SetUInt16(CommandTag.CommandField, (ushort)CommandField.CStoreRequest);
        command.SetUInt16(CommandTag.CommandDataSetType, DimseMessage.DataSetPresent);
        command.SetUInt16(CommandTag.MessageID, 1);

        var act = () => DimseMessageReader.Read(command);

        act.Should().Throw<DimseFormatException>().WithMessage("*(0000,0002) is missing*");
    }

    [Test]
    public void Rejects_an_unknown_command_field()
    {
        var command = new CommandSet();
        command.SetUInt16(CommandTag.CommandField, 0x0100);

        var act = () => DimseMessageReader.Read(command);

        act.Should().Throw<DimseFormatException>().WithMessage("*0x0100*");
    }

    [Test]
    public void Any_data_set_type_other_than_0101_means_a_data_set_follows()
    {
        var command = new CFindResponse { MessageIdBeingRespondedTo = 1, Status = DimseStatus.Pending }.ToCommandSet();
        command.SetUInt16(CommandTag.CommandDataSetType, 0x0102);

        var decoded = (CFindResponse)DimseMessageReader.Read(command);

        decoded.HasIdentifier.Should().BeTrue();
    }
}
