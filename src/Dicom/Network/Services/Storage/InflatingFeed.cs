using System.IO.Compression;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Inflates a deflated data set (PS3.5 A.5) as its fragments are pushed in, without keeping more than one output buffer:
/// a <see cref="DeflateStream"/> reads from the fragment being pushed and, once it is used up, gets "no more input yet"
/// and returns what it inflated so far; the next fragment continues the same stream. <see cref="EndedEarly"/> says whether
/// the deflate stream wanted more input after the last fragment (its final block never arrived).
/// </summary>
internal sealed class InflatingFeed : IDisposable
{
    private const int OutputSize = 16 * 1024;
    private readonly Feed _feed = new();
    private readonly DeflateStream _inflate;
    private readonly byte[] _output = new byte[OutputSize];
    private bool? _endedEarly;

    public InflatingFeed() => _inflate = new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);

    /// <summary>Null while following; the reason once the deflated bytes could not be inflated (not a deflate stream).</summary>
    public string? Unreadable { get; private set; }

    /// <summary>Inflates <paramref name="fragment"/> and passes the inflated bytes to <paramref name="inflated"/>, in order.</summary>
    public void Push(ReadOnlySpan<byte> fragment, InflatedHandler inflated)
    {
        ArgumentNullException.ThrowIfNull(inflated);
        if (Unreadable is not null || fragment.IsEmpty)
        {
            return;
        }

        // The feed holds a copy only for the duration of this call (a span cannot be kept).
        _feed.Set(fragment.ToArray());
        try
        {
            int read;
            while ((read = _inflate.Read(_output, 0, _output.Length)) > 0)
            {
                inflated(_output.AsSpan(0, read));
            }
        }
        catch (InvalidDataException ex)
        {
            Unreadable = ex.Message;
        }
    }

    /// <summary>True when the deflate stream is incomplete: asked once more with no input left, it wanted more.</summary>
    public bool EndedEarly()
    {
        if (_endedEarly is null && Unreadable is null)
        {
            _feed.Set(ReadOnlyMemory<byte>.Empty);
            _feed.AskedForMore = false;
            try
            {
                _ = _inflate.Read(_output, 0, _output.Length);
            }
            catch (InvalidDataException ex)
            {
                Unreadable = ex.Message;
            }

            _endedEarly = _feed.AskedForMore;
        }

        return _endedEarly ?? false;
    }

    public void Dispose()
    {
        _inflate.Dispose();
        _feed.Dispose();
    }

    public delegate void InflatedHandler(ReadOnlySpan<byte> inflated);

    /// <summary>The input side: the current fragment, then "nothing yet" (0) until the next one is set.</summary>
    private sealed class Feed : Stream
    {
        private ReadOnlyMemory<byte> _pending;

        public bool AskedForMore { get; set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Set(ReadOnlyMemory<byte> pending) => _pending = pending;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_pending.IsEmpty)
            {
                AskedForMore = true;
                return 0;
            }

            var take = Math.Min(buffer.Length, _pending.Length);
            _pending.Span[..take].CopyTo(buffer);
            _pending = _pending[take..];
            return take;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
