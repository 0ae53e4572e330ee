namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-ECHO-RQ, PS3.7 section 9.3.5.1.</summary>
public sealed class CEchoRequest : DimseRequest
{
    public const string VerificationSopClassUid = "1.2.840.10008.1.1";

    public string AffectedSopClassUid { get; init; } = VerificationSopClassUid;

    public override CommandField CommandField => CommandField.CEchoRequest;

    public override bool HasDataSet => false;

    internal static CEchoRequest Read(CommandSet command) => new()
    {
        MessageId = command.RequireUInt16(CommandTag.MessageID),
        AffectedSopClassUid = command.GetString(CommandTag.AffectedSOPClassUID) ?? VerificationSopClassUid,
    };

    protected override void WriteTo(CommandSet command)
    {
        base.WriteTo(command);
        command.SetString(CommandTag.AffectedSOPClassUID, AffectedSopClassUid);
    }
}
