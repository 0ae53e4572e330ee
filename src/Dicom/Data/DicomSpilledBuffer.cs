namespace Conformance.Dicom.Data;

/// <summary>
/// A large value read from a stream with no file behind it (an inflated data set, a socket): kept in an anonymous
/// temporary file, deleted when the last buffer using it is collected, instead of in memory. Little-endian order.
/// </summary>
public sealed class DicomSpilledBuffer : DicomBuffer
{
    private readonly SpillFile _file;

    internal DicomSpilledBuffer(SpillFile file, long offset, long length, int sourceSwapSize)
    {
        _file = file;
        Offset = offset;
        Length = length;
        SourceSwapSize = sourceSwapSize;
    }

    /// <summary>Offset in the temporary file.</summary>
    public long Offset { get; }

    public override long Length { get; }

    /// <summary>1 when stored little endian, else the unit size swapped on reading (2, 4, 8).</summary>
    public int SourceSwapSize { get; }

    public override bool IsInMemory => false;

    public override ReadOnlyMemory<byte> GetMemory() => ReadWhole("in a temporary value file");

    public override Stream OpenRead() => new HandleRangeStream(_file.Handle, ownsHandle: false, Offset, Length, SourceSwapSize, "temporary value file");
}
