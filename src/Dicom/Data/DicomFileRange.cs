using Microsoft.Win32.SafeHandles;

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

    public override ReadOnlyMemory<byte> GetMemory()
    {
        if (Length > Array.MaxLength)
        {
            throw new DicomDataException($"value of {Length} bytes in {Path} is too large for one array; use OpenRead");
        }

        var data = new byte[Length];
        using var s = OpenRead();
        s.ReadExactly(data);
        return data;
    }

    public override Stream OpenRead() => new FileRangeStream(this);

    /// <summary>A read-only, seekable stream over the range; byte-swaps big-endian sources unit by unit.</summary>
    private sealed class FileRangeStream : Stream
    {
        private readonly DicomFileRange _range;
        private readonly SafeFileHandle _handle;
        private long _position;

        public FileRangeStream(DicomFileRange range)
        {
            _range = range;
            _handle = File.OpenHandle(range.Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _range.Length;

        public override long Position
        {
            get => _position;
            set => _position = Math.Clamp(value, 0, _range.Length);
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var remaining = _range.Length - _position;
            if (remaining <= 0 || buffer.IsEmpty)
            {
                return 0;
            }

            var unit = _range.SourceSwapSize;
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

            var read = ReadFile(buffer[..n], _position);
            if (unit > 1)
            {
                ByteSwap.InPlace(buffer[..read], unit);
            }

            _position += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var remaining = _range.Length - _position;
            var unit = _range.SourceSwapSize;
            var n = (int)Math.Min(buffer.Length, remaining);
            if (n <= 0 || (unit > 1 && (_position % unit != 0 || n < unit)))
            {
                return Read(buffer.Span);
            }

            n -= n % unit;
            var total = 0;
            while (total < n)
            {
                var r = await RandomAccess.ReadAsync(_handle, buffer[total..n], _range.Offset + _position + total, cancellationToken).ConfigureAwait(false);
                if (r == 0)
                {
                    throw new DicomFormatException($"file {_range.Path} ended inside a lazy value", null, _range.Offset + _position + total);
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

        private int ReadFile(Span<byte> target, long rangeOffset)
        {
            var total = 0;
            while (total < target.Length)
            {
                var r = RandomAccess.Read(_handle, target[total..], _range.Offset + rangeOffset + total);
                if (r == 0)
                {
                    throw new DicomFormatException($"file {_range.Path} ended inside a lazy value", null, _range.Offset + rangeOffset + total);
                }

                total += r;
            }

            return total;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin switch
            {
                SeekOrigin.Begin => offset,
                SeekOrigin.Current => _position + offset,
                _ => _range.Length + offset,
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
            if (disposing)
            {
                _handle.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
