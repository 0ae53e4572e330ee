using System.Buffers;

namespace Conformance.Dicom.IO;

/// <summary>A read-only stream over a <see cref="ReadOnlySequence{T}"/> (to inflate deflated data received in fragments).</summary>
internal sealed class ReadOnlySequenceStream(ReadOnlySequence<byte> data) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => data.Length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, data.Length - _position);
        data.Slice(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
