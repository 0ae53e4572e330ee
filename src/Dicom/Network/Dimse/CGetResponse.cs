namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-GET-RSP, PS3.7 section 9.3.3.2.</summary>
public sealed class CGetResponse : RetrieveResponse
{
    public override CommandField CommandField => CommandField.CGetResponse;

    internal static CGetResponse Read(CommandSet command) => new()
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
