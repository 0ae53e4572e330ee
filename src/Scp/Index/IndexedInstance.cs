namespace Conformance.Scp.Index;

/// <summary>What the index records for one stored instance: its query attributes and where its bytes are.</summary>
public sealed record IndexedInstance(
    IReadOnlyDictionary<uint, string> Attributes,
    string TransferSyntaxUid,
    string Location,
    long Size);
