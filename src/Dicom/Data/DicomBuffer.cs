namespace Conformance.Dicom.Data;

/// <summary>
/// The bytes of a value, always presented in little-endian order: in memory (<see cref="DicomMemoryBuffer"/>) or a
/// lazy range of a file (<see cref="DicomFileRange"/>) that is read only when asked, in chunks.
/// </summary>
public abstract class DicomBuffer
{
    /// <summary>Length in bytes.</summary>
    public abstract long Length { get; }

    /// <summary>True when the bytes are held in memory (no I/O to get them).</summary>
    public abstract bool IsInMemory { get; }

    /// <summary>All bytes in memory; a file range is read whole (avoid for large values: use <see cref="OpenRead"/>).</summary>
    public abstract ReadOnlyMemory<byte> GetMemory();

    /// <summary>A read-only stream over the bytes (little-endian order).</summary>
    public abstract Stream OpenRead();

    public static DicomBuffer Empty { get; } = new DicomMemoryBuffer(ReadOnlyMemory<byte>.Empty);

    /// <summary>For buffers kept outside memory: reads the whole value through <see cref="OpenRead"/> into one array.</summary>
    /// <param name="where">Where the bytes are, for the error message (e.g. "in file X").</param>
    protected byte[] ReadWhole(string where)
    {
        if (Length > Array.MaxLength)
        {
            throw new DicomDataException($"value of {Length} bytes {where} is too large for one array; use OpenRead");
        }

        var data = new byte[Length];
        using var stream = OpenRead();
        stream.ReadExactly(data);
        return data;
    }
}
