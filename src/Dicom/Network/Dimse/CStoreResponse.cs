namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-STORE-RSP, PS3.7 section 9.3.1.2.</summary>
public sealed class CStoreResponse : DimseResponse
{
    public string? AffectedSopClassUid { get; init; }

    public string? AffectedSopInstanceUid { get; init; }

    public override CommandField CommandField => CommandField.CStoreResponse;

    public override bool HasDataSet => false;

    internal static CStoreResponse Read(CommandSet command) => new()
    {
        MessageIdBeingRespondedTo = command.RequireUInt16(CommandTag.MessageIDBeingRespondedTo),
        Status = ReadStatus(command),
        ErrorComment = command.GetString(CommandTag.ErrorComment),
        OffendingElements = command.GetTags(CommandTag.OffendingElement),
        AffectedSopClassUid = command.GetString(CommandTag.AffectedSOPClassUID),
        AffectedSopInstanceUid = command.GetString(CommandTag.AffectedSOPInstanceUID),
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        SetOptional(command, CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        SetOptional(command, CommandTag.AffectedSOPInstanceUID, AffectedSopInstanceUid);
    }
}
