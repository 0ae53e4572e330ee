namespace Conformance.Dicom.Network.Association;

/// <summary>A data set read sequentially from a stream positioned at its first byte.</summary>
public sealed class StreamMessageData(Stream stream, long length) : IMessageData
{
    private long _position;

    public long Length => length;

    public async ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        if (offset != _position)
        {
            throw new InvalidOperationException($"Stream data read at {offset} but the stream is at {_position}: streams are read once, in order");
        }

        await stream.ReadExactlyAsync(destination, ct).ConfigureAwait(false);
        _position += destination.Length;
    }
}
