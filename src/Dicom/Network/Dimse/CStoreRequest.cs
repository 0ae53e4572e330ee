namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-STORE-RQ, PS3.7 section 9.3.1.1; a data set always follows.</summary>
public sealed class CStoreRequest : DimseRequest
{
    public required string AffectedSopClassUid { get; init; }

    public required string AffectedSopInstanceUid { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    /// <summary>Move Originator AE Title (0000,1030): set when this store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    /// <summary>Move Originator Message ID (0000,1031).</summary>
    public ushort? MoveOriginatorMessageId { get; init; }

    public override CommandField CommandField => CommandField.CStoreRequest;

    public override bool HasDataSet => true;

    internal static CStoreRequest Read(CommandSet command) => new()
    {
        MessageId = command.RequireUInt16(CommandTag.MessageID),
        AffectedSopClassUid = command.RequireString(CommandTag.AffectedSOPClassUID),
        AffectedSopInstanceUid = command.RequireString(CommandTag.AffectedSOPInstanceUID),
        Priority = (DimsePriority)(command.GetUInt16(CommandTag.Priority) ?? 0),
        MoveOriginatorAeTitle = command.GetString(CommandTag.MoveOriginatorApplicationEntityTitle),
        MoveOriginatorMessageId = command.GetUInt16(CommandTag.MoveOriginatorMessageID),
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        command.SetUInt16(CommandTag.Priority, (ushort)Priority);
        command.SetString(CommandTag.AffectedSOPInstanceUID, AffectedSopInstanceUid);
        SetOptional(command, CommandTag.MoveOriginatorApplicationEntityTitle, MoveOriginatorAeTitle);
        SetOptional(command, CommandTag.MoveOriginatorMessageID, MoveOriginatorMessageId);
    }
}
