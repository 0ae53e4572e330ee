namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-CANCEL-RQ, PS3.7 section 9.3.2.3: names the request it cancels; no data set.</summary>
public sealed class CCancelRequest : DimseMessage
{
    public ushort MessageIdBeingRespondedTo { get; init; }

    public override CommandField CommandField => CommandField.CCancelRequest;

    public override bool HasDataSet => false;

    internal static CCancelRequest Read(CommandSet command) => new()
    {
        MessageIdBeingRespondedTo = command.RequireUInt16(CommandTag.MessageIDBeingRespondedTo),
    };

    protected override void WriteTo(CommandSet command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetUInt16(CommandTag.MessageIDBeingRespondedTo, MessageIdBeingRespondedTo);
    }
}
