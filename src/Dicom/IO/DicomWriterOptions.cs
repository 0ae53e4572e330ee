namespace Conformance.Dicom.IO;

/// <summary>How group length elements (gggg,0000) are written.</summary>
public enum GroupLengthHandling
{
    /// <summary>Written as they are in the data set (as read): needed for byte-identical round trips.</summary>
    Keep,

    /// <summary>Existing group lengths are recomputed for the target syntax (what dcmconv does by default).</summary>
    Recalculate,

    /// <summary>Group lengths other than (0002,0000) are left out.</summary>
    Remove,
}

/// <summary>How data sets are written.</summary>
public sealed record DicomWriterOptions
{
    public static DicomWriterOptions Default { get; } = new();

    public GroupLengthHandling GroupLengths { get; init; } = GroupLengthHandling.Keep;

    /// <summary>Values at least this long are handed to the sink directly (not copied into the write buffer).</summary>
    public int InlineValueLimit { get; init; } = 16 * 1024;

    /// <summary>Chunk size for streaming lazy values and byte-swapping large values.</summary>
    public int ChunkSize { get; init; } = 1024 * 1024;

    /// <summary>Size of the pooled buffer that collects headers and small values before each write.</summary>
    public int BufferSize { get; init; } = 64 * 1024;
}
