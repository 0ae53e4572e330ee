namespace Conformance.Dicom.Network.Association;

/// <summary>Collects the data set in memory.</summary>
public sealed class MemoryDataSink : IMessageDataSink
{
    private byte[] _buffer;
    private int _length;

    public MemoryDataSink(int initialCapacity = 4096)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    public ReadOnlyMemory<byte> Data => _buffer.AsMemory(0, _length);

    public bool IsComplete { get; private set; }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct)
    {
        if (_length + fragment.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + fragment.Length));
        }

        fragment.Span.CopyTo(_buffer.AsSpan(_length));
        _length += fragment.Length;
        return ValueTask.CompletedTask;
    }

    public ValueTask CompleteAsync(CancellationToken ct)
    {
        IsComplete = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask AbandonAsync(Exception reason)
    {
        _length = 0;
        return ValueTask.CompletedTask;
    }
}
