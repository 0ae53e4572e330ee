namespace Conformance.Dicom.Data;

/// <summary>
/// A lazy value: <see cref="Length"/> bytes at <see cref="Offset"/> of the file <see cref="Path"/>, read only when
/// asked. Values read from a big-endian file keep <see cref="SourceSwapSize"/> &gt; 1 and are swapped to little
/// endian as they are read. The file must not change while the range is in use.
/// </summary>
public sealed class DicomFileRange : DicomBuffer
{
    public DicomFileRange(string path, long offset, long length, int sourceSwapSize = 1)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        Path = path;
        Offset = offset;
        Length = length;
        SourceSwapSize = sourceSwapSize;
    }

    public string Path { get; }

    /// <summary>Byte offset of the first byte in the file.</summary>
    public long Offset { get; }

    public override long Length { get; }

    /// <summary>1 when the file holds the bytes in little-endian order, else the unit size to swap (2, 4, 8).</summary>
    public int SourceSwapSize { get; }

    public override bool IsInMemory => false;

    public override ReadOnlyMemory<byte> GetMemory() => ReadWhole($"in {Path}");

    public override Stream OpenRead() =>
        new HandleRangeStream(File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read), ownsHandle: true, Offset, Length, SourceSwapSize, $"file {Path}");
}
