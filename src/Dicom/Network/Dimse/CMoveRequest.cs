namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-MOVE-RQ, PS3.7 section 9.3.4.1; the identifier follows.</summary>
public sealed class CMoveRequest : DimseRequest
{
    public required string AffectedSopClassUid { get; init; }

    public required string MoveDestination { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public override CommandField CommandField => CommandField.CMoveRequest;

    public override bool HasDataSet => true;

    internal static CMoveRequest Read(CommandSet command) => new()
    {
        MessageId = command.RequireUInt16(CommandTag.MessageID),
        AffectedSopClassUid = command.RequireString(CommandTag.AffectedSOPClassUID),
        MoveDestination = command.RequireString(CommandTag.MoveDestination),
        Priority = (DimsePriority)(command.GetUInt16(CommandTag.Priority) ?? 0),
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        command.SetString(CommandTag.MoveDestination, MoveDestination);
        command.SetUInt16(CommandTag.Priority, (ushort)Priority);
    }
}
