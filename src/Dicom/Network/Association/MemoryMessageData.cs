namespace Conformance.Dicom.Network.Association;

/// <summary>A data set already in memory.</summary>
public sealed class MemoryMessageData(ReadOnlyMemory<byte> bytes) : IMessageData
{
    public long Length => bytes.Length;

    public ValueTask ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        bytes.Slice(checked((int)offset), destination.Length).CopyTo(destination);
        return ValueTask.CompletedTask;
    }
}
