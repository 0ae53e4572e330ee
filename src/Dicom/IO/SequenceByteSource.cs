using System.Buffers;

namespace Conformance.Dicom.IO;

/// <summary>Reading from an in-memory <see cref="ReadOnlySequence{T}"/> (e.g. PDV fragments joined by the network layer).</summary>
internal sealed class SequenceByteSource : ByteSource
{
    private readonly ReadOnlySequence<byte> _data;
    private SequencePosition _cursor;
    private long _offset;

    public SequenceByteSource(ReadOnlySequence<byte> data)
    {
        _data = data;
        _cursor = data.Start;
    }

    public override long Position => _offset;

    public override long? End => _data.Length;

    public override int Read(Span<byte> destination)
    {
        var n = Peek(destination);
        Advance(n);
        return n;
    }

    public override int Peek(Span<byte> destination)
    {
        var n = (int)Math.Min(destination.Length, _data.Length - _offset);
        _data.Slice(_cursor, n).CopyTo(destination);
        return n;
    }

    public override void Skip(long count) => Advance(Math.Min(count, _data.Length - _offset));

    private void Advance(long n)
    {
        _cursor = _data.GetPosition(n, _cursor);
        _offset += n;
    }
}
