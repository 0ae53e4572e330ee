namespace Conformance.Dicom.Data;

/// <summary>Malformed DICOM input: names the tag (if known) and the byte offset where the problem starts.</summary>
public sealed class DicomFormatException : Exception
{
    public DicomFormatException()
    {
    }

    public DicomFormatException(string message)
        : base(message)
    {
    }

    public DicomFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DicomFormatException(string problem, DicomTag? tag, long offset, Exception? innerException = null)
        : base($"{problem} (tag {(tag?.ToString() ?? "unknown")}, offset {offset})", innerException)
    {
        Problem = problem;
        Tag = tag;
        Offset = offset;
    }

    /// <summary>What is wrong, without tag and offset.</summary>
    public string? Problem { get; }

    /// <summary>The element concerned; null when the tag itself could not be read.</summary>
    public DicomTag? Tag { get; }

    /// <summary>Byte offset in the stream (file offset for files; offset in the inflated stream for deflated data).</summary>
    public long Offset { get; } = -1;
}
