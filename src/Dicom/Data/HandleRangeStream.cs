using Microsoft.Win32.SafeHandles;

namespace Conformance.Dicom.Data;

/// <summary>
/// A read-only, seekable stream over <c>length</c> bytes at <c>offset</c> of a file handle, using positional reads
/// (so several streams may share one handle). Big-endian sources (<c>swapSize</c> &gt; 1) are swapped to little
/// endian unit by unit, also for unaligned reads.
/// </summary>
internal sealed class HandleRangeStream : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly bool _ownsHandle;
    private readonly long _offset;
    private readonly long _length;
    private readonly int _swapSize;
    private readonly string _description;
    private long _position;

    public HandleRangeStream(SafeFileHandle handle, bool ownsHandle, long offset, long length, int swapSize, string description)
    {
        _handle = handle;
        _ownsHandle = ownsHandle;
        _offset = offset;
        _length = length;
        _swapSize = swapSize;
        _description = description;
    }

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => _position = Math.Clamp(value, 0, _length);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var remaining = _length - _position;
        if (remaining <= 0 || buffer.IsEmpty)
        {
            return 0;
        }

        var unit = _swapSize;
        var n = (int)Math.Min(buffer.Length, remaining);
        if (unit > 1 && (_position % unit != 0 || n < unit))
        {
            // Unaligned or tiny read: swap one whole unit, hand out part of it.
            Span<byte> one = stackalloc byte[8];
            var start = _position - (_position % unit);
            ReadFile(one[..unit], start);
            ByteSwap.InPlace(one[..unit], unit);
            var skip = (int)(_position - start);
            var take = Math.Min(n, unit - skip);
            one.Slice(skip, take).CopyTo(buffer);
            _position += take;
            return take;
        }

        if (unit > 1)
        {
            n -= n % unit;
        }

        ReadFile(buffer[..n], _position);
        if (unit > 1)
        {
            ByteSwap.InPlace(buffer[..n], unit);
        }

        _position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var remaining = _length - _position;
        var unit = _swapSize;
        var n = (int)Math.Min(buffer.Length, remaining);
        if (n <= 0 || (unit > 1 && (_position % unit != 0 || n < unit)))
        {
            return Read(buffer.Span);
        }

        n -= n % unit;
        var total = 0;
        while (total < n)
        {
            var r = await RandomAccess.ReadAsync(_handle, buffer[total..n], _offset + _position + total, cancellationToken).ConfigureAwait(false);
            if (r == 0)
            {
                throw Ended(_position + total);
            }

            total += r;
        }

        if (unit > 1)
        {
            ByteSwap.InPlace(buffer.Span[..total], unit);
        }

        _position += total;
        return total;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private void ReadFile(Span<byte> target, long rangeOffset)
    {
        var total = 0;
        while (total < target.Length)
        {
            var r = RandomAccess.Read(_handle, target[total..], _offset + rangeOffset + total);
            if (r == 0)
            {
                throw Ended(rangeOffset + total);
            }

            total += r;
        }
    }

    private DicomFormatException Ended(long rangeOffset) =>
        new($"{_description} ended inside a value", null, _offset + rangeOffset);

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => _length + offset,
        };
        return _position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsHandle)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }
}
