namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-STORE-RQ, PS3.7 section 9.3.1.1; a data set always follows.</summary>
public sealed class CStoreRequest : SopClassRequest
{
    public required string AffectedSopInstanceUid { get; init; }

    /// <summary>Move Originator AE Title (0000,1030): set when this store is a C-MOVE sub-operation.</summary>
    public string? MoveOriginatorAeTitle { get; init; }

    /// <summary>Move Originator Message ID (0000,1031).</summary>
    public ushort? MoveOriginatorMessageId { get; init; }

    public override CommandField CommandField => CommandField.CStoreRequest;

    public override bool HasDataSet => true;

    internal static CStoreRequest Read(CommandSet command)
    {
        var (messageId, sopClass, priority) = ReadCommon(command);
        return new()
        {
            MessageId = messageId,
            AffectedSopClassUid = sopClass,
            Priority = priority,
            AffectedSopInstanceUid = command.RequireString(CommandTag.AffectedSOPInstanceUID),
            MoveOriginatorAeTitle = command.GetString(CommandTag.MoveOriginatorApplicationEntityTitle),
            MoveOriginatorMessageId = command.GetUInt16(CommandTag.MoveOriginatorMessageID),
        };
    }

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPInstanceUID, AffectedSopInstanceUid);
        SetOptional(command, CommandTag.MoveOriginatorApplicationEntityTitle, MoveOriginatorAeTitle);
        SetOptional(command, CommandTag.MoveOriginatorMessageID, MoveOriginatorMessageId);
    }
}
