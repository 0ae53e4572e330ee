using Conformance.Dicom.Data;

namespace Conformance.Dicom.IO;

/// <summary>Sequential input for the parser: a stream or an in-memory sequence. Tracks the absolute offset.</summary>
internal abstract class ByteSource : IDisposable
{
    /// <summary>Absolute offset of the next byte (file offset for files).</summary>
    public abstract long Position { get; }

    /// <summary>Absolute offset of the end when known (seekable streams, memory), else null.</summary>
    public abstract long? End { get; }

    /// <summary>Reads up to destination.Length bytes; fewer only at the end of input.</summary>
    public abstract int Read(Span<byte> destination);

    /// <summary>Copies up to destination.Length bytes without consuming them.</summary>
    public abstract int Peek(Span<byte> destination);

    public abstract void Skip(long count);

    /// <summary>A file path when values can be left in the file as lazy ranges.</summary>
    public virtual string? FilePath => null;

    public bool AtEnd
    {
        get
        {
            Span<byte> one = stackalloc byte[1];
            return Peek(one) == 0;
        }
    }

    public void ReadExactly(Span<byte> destination, DicomTag? tag, long elementOffset)
    {
        var n = Read(destination);
        if (n < destination.Length)
        {
            throw new DicomFormatException($"input truncated: needed {destination.Length} bytes, got {n}", tag, elementOffset);
        }
    }

    public virtual void Dispose()
    {
    }
}
