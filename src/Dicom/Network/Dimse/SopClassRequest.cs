namespace Conformance.Dicom.Network.Dimse;

/// <summary>A request on a SOP class with a priority: C-STORE, C-FIND, C-GET and C-MOVE (PS3.7 9.3).</summary>
public abstract class SopClassRequest : DimseRequest
{
    public required string AffectedSopClassUid { get; init; }

    public DimsePriority Priority { get; init; } = DimsePriority.Medium;

    /// <summary>The fields every such request carries, read from a received command set.</summary>
    protected static (ushort MessageId, string AffectedSopClassUid, DimsePriority Priority) ReadCommon(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return (command.RequireUInt16(CommandTag.MessageID), command.RequireString(CommandTag.AffectedSOPClassUID), (DimsePriority)(command.GetUInt16(CommandTag.Priority) ?? 0));
    }

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
        command.SetUInt16(CommandTag.Priority, (ushort)Priority);
    }
}
