using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services;

/// <summary>
/// What the channel answers to a command set it could not read as a message (a <see cref="DimseFormatException"/>):
/// a failure response when one can be addressed (a request with its Command Field and Message ID), else nothing and
/// the association is aborted. Unknown operations get 0211 Unrecognized Operation (PS3.7 C.5); a known request with a
/// missing or malformed required element gets C000 (Cannot Understand / Unable to Process, PS3.4 B.2.3, C.4.1.1.4,
/// C.4.2.1.5, C.4.3.1.4), a C-ECHO 0212 Mistyped Argument (PS3.7 9.1.5.1.4). A malformed C-CANCEL-RQ has no response
/// and is dropped.
/// </summary>
internal sealed record UnreadableCommand(byte[]? Response, bool Ignore)
{
    public static UnreadableCommand Answer(ReadOnlySpan<byte> commandSet, string reason)
    {
        ushort? field, messageId;
        CommandSet command;
        try
        {
            command = CommandSetCodec.Decode(commandSet);
            field = command.GetUInt16(CommandTag.CommandField);
            messageId = command.GetUInt16(CommandTag.MessageID);
        }
        catch (DimseFormatException)
        {
            return new UnreadableCommand(null, false);
        }

        if (field == (ushort)CommandField.CCancelRequest)
        {
            return new UnreadableCommand(null, true);
        }

        if (field is not { } request || messageId is not { } id || (request & 0x8000) != 0)
        {
            return new UnreadableCommand(null, false);
        }

        var response = new CommandSet();
        Copy(command, response, CommandTag.AffectedSOPClassUID);
        response.SetUInt16(CommandTag.CommandField, (ushort)(request | 0x8000));
        response.SetUInt16(CommandTag.MessageIDBeingRespondedTo, id);
        response.SetUInt16(CommandTag.CommandDataSetType, 0x0101);
        response.SetUInt16(CommandTag.Status, StatusFor((CommandField)request).Code);
        response.SetString(CommandTag.ErrorComment, ErrorComment.Fit(reason)!);
        Copy(command, response, CommandTag.AffectedSOPInstanceUID);
        return new UnreadableCommand(CommandSetCodec.Encode(response), false);
    }

    private static DimseStatus StatusFor(CommandField request) => request switch
    {
        CommandField.CEchoRequest => DimseStatus.MistypedArgument,
        CommandField.CStoreRequest or CommandField.CFindRequest or CommandField.CMoveRequest or CommandField.CGetRequest => DimseStatus.CannotUnderstand,
        _ => DimseStatus.UnrecognizedOperation,
    };

    private static void Copy(CommandSet from, CommandSet to, uint tag)
    {
        if (from.GetRaw(tag) is { Length: > 0 } value)
        {
            to.SetRaw(tag, value);
        }
    }
}
