namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-FIND-RQ, PS3.7 section 9.3.2.1; the identifier follows.</summary>
public sealed class CFindRequest : SopClassRequest
{
    public override CommandField CommandField => CommandField.CFindRequest;

    public override bool HasDataSet => true;

    internal static CFindRequest Read(CommandSet command)
    {
        var (messageId, sopClass, priority) = ReadCommon(command);
        return new() { MessageId = messageId, AffectedSopClassUid = sopClass, Priority = priority };
    }
}
