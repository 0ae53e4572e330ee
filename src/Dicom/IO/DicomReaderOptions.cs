namespace Conformance.Dicom.IO;

/// <summary>How data sets are read.</summary>
public sealed record DicomReaderOptions
{
    public static DicomReaderOptions Default { get; } = new();

    /// <summary>Values at least this long, read from a file, stay in the file as lazy <see cref="Data.DicomFileRange"/>s.</summary>
    public long LazyValueThreshold { get; init; } = 1024 * 1024;

    /// <summary>Encapsulated fragments at least this long, read from a file, stay in the file (many frames add up).</summary>
    public long LazyFragmentThreshold { get; init; } = 64 * 1024;

    /// <summary>Deepest nesting of sequences accepted (PS3.5 sets no limit; hostile input might).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Accept odd value lengths in byte-oriented VRs (strings, OB, UN), which PS3.5 7.1.1 forbids but old
    /// writers produce, as DCMTK and pydicom do: kept as read, reported as a warning, padded when written. False
    /// refuses them. Binary VRs must always be a multiple of their unit.</summary>
    public bool AllowOddLengths { get; init; } = true;

    /// <summary>Values at least <see cref="LazyValueThreshold"/> long from a stream with no file behind it (an inflated
    /// data set, a non-seekable stream) go to an anonymous temporary file instead of memory. Values over 2 GiB
    /// always do.</summary>
    public bool SpillLargeValues { get; init; } = true;

    /// <summary>Largest chunk allocated at once when reading a value from a non-seekable stream.</summary>
    public int ReadChunkSize { get; init; } = 1024 * 1024;
}
