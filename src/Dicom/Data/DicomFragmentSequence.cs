namespace Conformance.Dicom.Data;

/// <summary>
/// Encapsulated pixel data (PS3.5 A.4): undefined length, a Basic Offset Table item (possibly empty), then one item
/// per fragment, then a sequence delimiter. Fragments are kept as read (lazy file ranges when large).
/// </summary>
public sealed class DicomFragmentSequence : DicomElement
{
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, DicomBuffer offsetTable, IEnumerable<DicomBuffer> fragments)
        : base(tag, vr)
    {
        ArgumentNullException.ThrowIfNull(offsetTable);
        ArgumentNullException.ThrowIfNull(fragments);
        OffsetTable = offsetTable;
        Fragments = fragments.ToArray();
    }

    /// <summary>The Basic Offset Table item's value (often empty); little-endian 32-bit offsets.</summary>
    public DicomBuffer OffsetTable { get; }

    public IReadOnlyList<DicomBuffer> Fragments { get; }

    /// <summary>Offsets of the Basic Offset Table decoded (empty when the table is empty).</summary>
    public IReadOnlyList<uint> GetOffsets()
    {
        var bytes = OffsetTable.GetMemory().Span;
        var result = new uint[bytes.Length / 4];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return result;
    }

    public override string ToString() => $"{Tag} {VR} encapsulated, {Fragments.Count} fragment(s)";
}
