namespace Conformance.Dicom.Network.Dimse;

/// <summary>
/// What C-MOVE-RSP and C-GET-RSP share: the sub-operation counts (0000,1020-1023) and an optional
/// identifier holding Failed SOP Instance UID List (0008,0058).
/// </summary>
public abstract class RetrieveResponse : DimseResponse
{
    public string? AffectedSopClassUid { get; init; }

    public ushort? Remaining { get; init; }

    public ushort? Completed { get; init; }

    public ushort? Failed { get; init; }

    public ushort? Warning { get; init; }

    public bool HasIdentifier { get; init; }

    public override bool HasDataSet => HasIdentifier;

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        SetOptional(command, CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        SetOptional(command, CommandTag.NumberOfRemainingSuboperations, Remaining);
        SetOptional(command, CommandTag.NumberOfCompletedSuboperations, Completed);
        SetOptional(command, CommandTag.NumberOfFailedSuboperations, Failed);
        SetOptional(command, CommandTag.NumberOfWarningSuboperations, Warning);
    }

    /// <summary>Reads the fields both retrieve responses carry into a new C-MOVE-RSP or C-GET-RSP.</summary>
    protected static T ReadRetrieve<T>(CommandSet command)
        where T : RetrieveResponse, new() => new()
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
