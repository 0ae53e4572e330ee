namespace Conformance.Generation;

/// <summary>Read-only, forward stream over <see cref="GeneratedPixels"/>: one frame buffer, painted on demand.</summary>
internal sealed class GeneratedPixelStream(GeneratedPixels pixels) : Stream
{
    private readonly byte[] _frame = new byte[pixels.Geometry.FrameLength];
    private int _bufferedFrame = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => pixels.PaddedLength;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("Generated pixel streams are forward-only.");
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var total = 0;
        while (buffer.Length > 0 && _position < Length)
        {
            var frameLength = _frame.LongLength;
            var frameIndex = _position / frameLength;
            if (frameIndex >= pixels.Geometry.NumberOfFrames)
            {
                buffer[0] = 0; // the single padding byte of an odd-length value
                buffer = buffer[1..];
                _position++;
                total++;
                continue;
            }

            if (_bufferedFrame != frameIndex)
            {
                pixels.PaintFrame((int)frameIndex, _frame);
                _bufferedFrame = (int)frameIndex;
            }

            var inFrame = (int)(_position - (frameIndex * frameLength));
            var n = Math.Min(buffer.Length, _frame.Length - inFrame);
            _frame.AsSpan(inFrame, n).CopyTo(buffer);
            buffer = buffer[n..];
            _position += n;
            total += n;
        }

        return total;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("Generated pixel streams are forward-only.");

    public override void SetLength(long value) => throw new NotSupportedException("Generated pixel streams are read-only.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Generated pixel streams are read-only.");
}
