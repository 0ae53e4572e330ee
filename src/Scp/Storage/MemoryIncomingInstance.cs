using System.Buffers;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp.Storage;

/// <summary>
/// Collects fragments in pooled chunks (nothing copied twice while growing), then one exact-size array. Completing
/// keeps the array it replaces until the store is committed (dropped) or reverted (put back).
/// </summary>
internal sealed class MemoryIncomingInstance(MemoryInstanceStorage owner, string location) : IncomingInstance
{
    private const int FirstChunk = 64 * 1024;
    private const int LargestChunk = 4 * 1024 * 1024;
    private readonly List<byte[]> _chunks = [];
    private int _lastUsed;
    private IDisposable? _lock;
    private byte[]? _previous;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var span = data.Span;
        while (!span.IsEmpty)
        {
            if (_chunks.Count == 0 || _lastUsed == _chunks[^1].Length)
            {
                var size = _chunks.Count == 0 ? FirstChunk : Math.Min(_chunks[^1].Length * 2, LargestChunk);
                _chunks.Add(ArrayPool<byte>.Shared.Rent(size));
                _lastUsed = 0;
            }

            var take = Math.Min(span.Length, _chunks[^1].Length - _lastUsed);
            span[..take].CopyTo(_chunks[^1].AsSpan(_lastUsed));
            _lastUsed += take;
            span = span[take..];
        }

        Length += data.Length;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
    {
        var bytes = GC.AllocateUninitializedArray<byte>(checked((int)Length));
        var offset = 0;
        for (var i = 0; i < _chunks.Count; i++)
        {
            var used = i == _chunks.Count - 1 ? _lastUsed : _chunks[i].Length;
            _chunks[i].AsSpan(0, used).CopyTo(bytes.AsSpan(offset));
            offset += used;
        }

        ReturnChunks();
        _lock = await owner.Locks.AcquireAsync(location, cancellationToken).ConfigureAwait(false);
        _previous = owner.Publish(location, bytes);
        return location;
    }

    public override void Commit()
    {
        _previous = null;
        Release();
    }

    public override void Revert()
    {
        if (_lock is not null)
        {
            owner.Restore(location, _previous);
            _previous = null;
        }

        Release();
    }

    public override ValueTask DisposeAsync()
    {
        ReturnChunks();
        if (_lock is not null)
        {
            Revert();
        }

        return ValueTask.CompletedTask;
    }

    private void Release()
    {
        _lock?.Dispose();
        _lock = null;
    }

    private void ReturnChunks()
    {
        foreach (var chunk in _chunks)
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        _chunks.Clear();
        _lastUsed = 0;
    }
}
