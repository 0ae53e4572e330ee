namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-FIND-RQ, PS3.7 section 9.3.2.1; the identifier follows.</summary>
public sealed class CFindRequest : DimseRequest
{
    public required string AffectedSopClassUid { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public override CommandField CommandField => CommandField.CFindRequest;

    public override bool HasDataSet => true;

    internal static CFindRequest Read(CommandSet command) => new()
    {
        MessageId = command.RequireUInt16(CommandTag.MessageID),
        AffectedSopClassUid = command.RequireString(CommandTag.AffectedSOPClassUID),
        Priority = (DimsePriority)(command.GetUInt16(CommandTag.Priority) ?? 0),
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        command.SetUInt16(CommandTag.Priority, (ushort)Priority);
    }
}
