namespace Conformance.Scp.Index;

/// <summary>An instance found for a C-MOVE or C-GET: enough to read and send it.</summary>
public sealed record StoredInstance(
    string SopClassUid,
    string SopInstanceUid,
    string TransferSyntaxUid,
    string Location,
    long Size);
