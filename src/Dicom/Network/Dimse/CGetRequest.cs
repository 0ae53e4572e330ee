namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-GET-RQ, PS3.7 section 9.3.3.1; the identifier follows.</summary>
public sealed class CGetRequest : SopClassRequest
{
    public override CommandField CommandField => CommandField.CGetRequest;

    public override bool HasDataSet => true;

    internal static CGetRequest Read(CommandSet command)
    {
        var (messageId, sopClass, priority) = ReadCommon(command);
        return new() { MessageId = messageId, AffectedSopClassUid = sopClass, Priority = priority };
    }
}
