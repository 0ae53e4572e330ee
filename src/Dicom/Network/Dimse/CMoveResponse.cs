namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-MOVE-RSP, PS3.7 section 9.3.4.2.</summary>
public sealed class CMoveResponse : RetrieveResponse
{
    public override CommandField CommandField => CommandField.CMoveResponse;

    internal static CMoveResponse Read(CommandSet command) => ReadRetrieve<CMoveResponse>(command);
}
