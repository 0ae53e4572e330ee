namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-GET-RQ, PS3.7 section 9.3.3.1; the identifier follows.</summary>
public sealed class CGetRequest : DimseRequest
{
    public required string AffectedSopClassUid { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    public override CommandField CommandField => CommandField.CGetRequest;

    public override bool HasDataSet => true;

    internal static CGetRequest Read(CommandSet command) => new()
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
