namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-MOVE-RQ, PS3.7 section 9.3.4.1; the identifier follows.</summary>
public sealed class CMoveRequest : SopClassRequest
{
    public required string MoveDestination { get; init; }

    public override CommandField CommandField => CommandField.CMoveRequest;

    public override bool HasDataSet => true;

    internal static CMoveRequest Read(CommandSet command)
    {
        var (messageId, sopClass, priority) = ReadCommon(command);
        return new() { MessageId = messageId, AffectedSopClassUid = sopClass, Priority = priority, MoveDestination = command.RequireString(CommandTag.MoveDestination) };
    }

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.MoveDestination, MoveDestination);
    }
}
