namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-MOVE-RSP, PS3.7 section 9.3.4.2.</summary>
public sealed class CMoveResponse : RetrieveResponse
{
    public override CommandField CommandField => CommandField.CMoveResponse;

    internal static CMoveResponse Read(CommandSet command) => new()
    {
        MessageIdBeingRespondedTo = command.RequireUInt16(CommandTag.MessageIDBeingRespondedTo),
        Status = ReadStatus(command),
        ErrorComment = command.GetString(CommandTag.ErrorComment),
        OffendingElements = command.GetTags(CommandTag.OffendingElement),
        AffectedSopClassUid = command.GetString(CommandTag.AffectedSOPClassUID),
        Remaining = command.GetUInt16(CommandTag.NumberOfRemainingSuboperations),
        Completed = command.GetUInt16(CommandTag.NumberOfCompletedSuboperations),
        Failed = command.GetUInt16(CommandTag.NumberOfFailedSuboperations),
        Warning = command.GetUInt16(CommandTag.NumberOfWarningSuboperations),
        HasIdentifier = ReadHasDataSet(command),
    };
}
