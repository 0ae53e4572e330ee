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

    /// <summary>Encapsulated pixel data with one fragment per frame (odd frames padded with a zero byte, PS3.5 A.4)
    /// and, if asked, a Basic Offset Table of each frame's first item relative to the first fragment.</summary>
    public static DicomFragmentSequence FromFrames(DicomTag tag, IEnumerable<ReadOnlyMemory<byte>> frames, bool withOffsetTable)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var fragments = new List<DicomBuffer>();
        var offsets = new List<uint>();
        long position = 0;
        foreach (var frame in frames)
        {
            offsets.Add(checked((uint)position));
            var data = frame;
            if ((frame.Length & 1) == 1)
            {
                var padded = new byte[frame.Length + 1];
                frame.CopyTo(padded);
                data = padded;
            }

            fragments.Add(new DicomMemoryBuffer(data));
            position += 8 + data.Length;
        }

        var table = new byte[withOffsetTable ? offsets.Count * 4 : 0];
        for (var i = 0; i < table.Length / 4; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(table.AsSpan(i * 4), offsets[i]);
        }

        return new DicomFragmentSequence(tag, DicomVR.OB, new DicomMemoryBuffer(table), fragments);
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
