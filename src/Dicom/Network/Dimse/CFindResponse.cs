namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-FIND-RSP, PS3.7 section 9.3.2.2; pending responses carry an identifier.</summary>
public sealed class CFindResponse : DimseResponse
{
    public string? AffectedSopClassUid { get; init; }

    /// <summary>Whether an identifier follows; by default only with a pending status.</summary>
    public bool HasIdentifier { get; init; }

    public override CommandField CommandField => CommandField.CFindResponse;

    public override bool HasDataSet => HasIdentifier;

    internal static CFindResponse Read(CommandSet command) => new()
    {
        MessageIdBeingRespondedTo = command.RequireUInt16(CommandTag.MessageIDBeingRespondedTo),
        Status = ReadStatus(command),
        ErrorComment = command.GetString(CommandTag.ErrorComment),
        OffendingElements = command.GetTags(CommandTag.OffendingElement),
        AffectedSopClassUid = command.GetString(CommandTag.AffectedSOPClassUID),
        HasIdentifier = ReadHasDataSet(command),
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        SetOptional(command, CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
    }
}
