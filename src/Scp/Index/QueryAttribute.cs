using Conformance.Dicom.Query;

namespace Conformance.Scp.Index;

/// <summary>
/// One attribute the index keeps and can match on: its tag, keyword, VR (as the two letters of PS3.5),
/// the level it belongs to and the SQL expression that yields its value.
/// </summary>
public sealed record QueryAttribute(uint Tag, string Keyword, string Vr, QueryLevel Level, string Column)
{
    /// <summary>True for attributes computed from lower levels (never stored, read-only).</summary>
    public bool IsComputed { get; init; }
}
