using System.Buffers;

namespace Conformance.Dicom.IO;

/// <summary>Buffered reading from a stream with a pooled buffer; seeks over large values when the stream can seek.</summary>
internal sealed class StreamByteSource : ByteSource
{
    private readonly Stream _stream;
    private readonly long _origin;
    private readonly long? _end;
    private readonly string? _path;
    private byte[] _buffer;
    private int _start;
    private int _count;
    private long _consumed;

    public StreamByteSource(Stream stream, int bufferSize = 64 * 1024)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
        if (stream.CanSeek)
        {
            _origin = stream.Position;
            _end = stream.Length;
            // A FileStream made from a handle has no usable name; its values must then be read into memory.
            _path = stream is FileStream fs && Path.IsPathFullyQualified(fs.Name) && File.Exists(fs.Name) ? fs.Name : null;
        }
    }

    public override long Position => _origin + _consumed;

    public override long? End => _end;

    public override string? FilePath => _path;

    public override int Read(Span<byte> destination)
    {
        var total = 0;
        while (total < destination.Length)
        {
            if (_count == 0)
            {
                if (destination.Length - total >= _buffer.Length)
                {
                    var direct = _stream.Read(destination[total..]);
                    if (direct == 0)
                    {
                        break;
                    }

                    total += direct;
                    _consumed += direct;
                    continue;
                }

                if (!Fill())
                {
                    break;
                }
            }

            var n = Math.Min(_count, destination.Length - total);
            _buffer.AsSpan(_start, n).CopyTo(destination[total..]);
            _start += n;
            _count -= n;
            _consumed += n;
            total += n;
        }

        return total;
    }

    public override int Peek(Span<byte> destination)
    {
        if (_count < destination.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _count);
            _start = 0;
            while (_count < destination.Length)
            {
                var n = _stream.Read(_buffer, _count, _buffer.Length - _count);
                if (n == 0)
                {
                    break;
                }

                _count += n;
            }
        }

        var k = Math.Min(_count, destination.Length);
        _buffer.AsSpan(_start, k).CopyTo(destination);
        return k;
    }

    public override void Skip(long count)
    {
        var fromBuffer = (int)Math.Min(count, _count);
        _start += fromBuffer;
        _count -= fromBuffer;
        _consumed += fromBuffer;
        var rest = count - fromBuffer;
        if (rest == 0)
        {
            return;
        }

        if (_stream.CanSeek)
        {
            _stream.Seek(rest, SeekOrigin.Current);
            _consumed += rest;
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            while (rest > 0)
            {
                var n = Read(scratch.AsSpan(0, (int)Math.Min(rest, scratch.Length)));
                if (n == 0)
                {
                    throw new EndOfStreamException();
                }

                rest -= n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private bool Fill()
    {
        _start = 0;
        _count = _stream.Read(_buffer, 0, _buffer.Length);
        return _count > 0;
    }

    public override void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        base.Dispose();
    }
}
