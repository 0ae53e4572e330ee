namespace Conformance.Dicom.Network.Dimse;

/// <summary>C-GET-RSP, PS3.7 section 9.3.3.2.</summary>
public sealed class CGetResponse : RetrieveResponse
{
    public override CommandField CommandField => CommandField.CGetResponse;

    internal static CGetResponse Read(CommandSet command) => ReadRetrieve<CGetResponse>(command);
}
