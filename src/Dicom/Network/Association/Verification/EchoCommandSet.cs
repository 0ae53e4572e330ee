using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Association.Verification;

/// <summary>
/// The two command sets C-ECHO needs (PS3.7 9.3.5), encoded and read by the one command set codec
/// (<see cref="CommandSetCodec"/>), so the association layer proves itself end to end without the services.
/// </summary>
public static class EchoCommandSet
{
    public const ushort EchoRequestField = (ushort)CommandField.CEchoRequest;
    public const ushort EchoResponseField = (ushort)CommandField.CEchoResponse;

    public static byte[] Request(ushort messageId) => new CEchoRequest { MessageId = messageId }.Encode();

    /// <param name="respondingTo">Message ID of the request.</param>
    /// <param name="status">DIMSE status.</param>
    /// <param name="commandField">Response command field; C-ECHO-RSP unless another request is refused.</param>
    public static byte[] Response(ushort respondingTo, ushort status, ushort commandField = EchoResponseField)
    {
        var command = new CommandSet();
        command.SetString(CommandTag.AffectedSOPClassUID, CEchoRequest.VerificationSopClassUid);
        command.SetUInt16(CommandTag.CommandField, commandField);
        command.SetUInt16(CommandTag.MessageIDBeingRespondedTo, respondingTo);
        command.SetUInt16(CommandTag.CommandDataSetType, DimseMessage.NoDataSet);
        command.SetUInt16(CommandTag.Status, status);
        return CommandSetCodec.Encode(command);
    }

    /// <summary>The US value of a group 0000 element, or null when absent.</summary>
    public static ushort? ReadUs(ReadOnlySpan<byte> commandSet, ushort element) =>
        CommandSetCodec.TryReadUInt16(commandSet, element, out var value) ? value : null;
}
