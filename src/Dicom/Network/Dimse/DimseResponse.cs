namespace Conformance.Dicom.Network.Dimse;

/// <summary>A response: carries Message ID Being Responded To, Status and the optional error details.</summary>
public abstract class DimseResponse : DimseMessage
{
    public ushort MessageIdBeingRespondedTo { get; init; }

    public DimseStatus Status { get; init; }

    /// <summary>Error Comment (0000,0902), sent with failures when set.</summary>
    public string? ErrorComment { get; init; }

    /// <summary>Offending Element (0000,0901), sent with failures when not empty.</summary>
    public IReadOnlyList<uint> OffendingElements { get; init; } = [];

    protected override void WriteTo(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetUInt16(CommandTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);
        command.SetUInt16(CommandTag.Status, Status.Code);
        SetOptional(command, CommandTag.ErrorComment, ErrorComment);
        if (OffendingElements.Count > 0)
        {
            command.SetTags(CommandTag.OffendingElement, OffendingElements);
        }
    }

    internal static DimseStatus ReadStatus(CommandSet command) => new(command.RequireUInt16(CommandTag.Status));
}
