namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-ECHO-RSP, PS3.7 section 9.3.5.2.</summary>
public sealed class CEchoResponse : DimseResponse
{
    public string AffectedSopClassUid { get; init; } = CEchoRequest.VerificationSopClassUid;

    public override CommandField CommandField => CommandField.CEchoResponse;

    public override bool HasDataSet => false;

    internal static CEchoResponse Read(CommandSet command) => new()
    {
        MessageIdBeingRespondedTo = command.RequireUInt16(CommandTag.MessageIDBeingRespondedTo),
        Status = ReadStatus(command),
        ErrorComment = command.GetString(CommandTag.ErrorComment),
        AffectedSopClassUid = command.GetString(CommandTag.AffectedSOPClassUID) ?? CEchoRequest.VerificationSopClassUid,
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
    }
}
