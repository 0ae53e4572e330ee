using System.Runtime.InteropServices;

namespace Conformance.Dicom.Data;

/// <summary>A value held in memory (little-endian order).</summary>
public sealed class DicomMemoryBuffer : DicomBuffer
{
    public DicomMemoryBuffer(ReadOnlyMemory<byte> data) => Data = data;

    public ReadOnlyMemory<byte> Data { get; }

    public override long Length => Data.Length;

    public override bool IsInMemory => true;

    public override ReadOnlyMemory<byte> GetMemory() => Data;

    public override Stream OpenRead() =>
        MemoryMarshal.TryGetArray(Data, out var seg)
            ? new MemoryStream(seg.Array!, seg.Offset, seg.Count, writable: false)
            : new MemoryStream(Data.ToArray(), writable: false);
}
