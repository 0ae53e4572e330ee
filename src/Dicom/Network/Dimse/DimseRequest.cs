namespace Conformance.Dicom.Network.Dimse;

/// <summary>A request: carries Message ID (0000,0110).</summary>
public abstract class DimseRequest : DimseMessage
{
    public ushort MessageId { get; init; }

    protected override void WriteTo(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetUInt16(CommandTag.MessageID, MessageId);
    }
}
