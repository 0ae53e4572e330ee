using Conformance.Dicom.Network.Services.Storage;
using System.Buffers;
using System.Collections.Concurrent;

namespace Conformance.Scp.Storage;

/// <summary>Instances kept in memory (for benchmarks and tests): location "memory:&lt;uid&gt;".</summary>
public sealed class MemoryInstanceStorage : IInstanceStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _instances = new(StringComparer.Ordinal);

    public string Description => "memory";

    public bool CanRead => true;

    public int Count => _instances.Count;

    public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IncomingInstance>(new MemoryIncomingInstance(this, "memory:" + sopInstanceUid));

    public Stream OpenRead(string location) =>
        _instances.TryGetValue(location, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : throw new FileNotFoundException($"No instance at {location} in memory storage.", location);

    /// <summary>Collects fragments in pooled chunks (nothing copied twice while growing), then one exact-size array.</summary>
    private sealed class MemoryIncomingInstance(MemoryInstanceStorage owner, string location) : IncomingInstance
    {
        private const int FirstChunk = 64 * 1024;
        private const int LargestChunk = 4 * 1024 * 1024;
        private readonly List<byte[]> _chunks = [];
        private int _lastUsed;

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

        public override ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
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
            owner._instances[location] = bytes;
            return ValueTask.FromResult(location);
        }

        public override void Revert() => owner._instances.TryRemove(location, out _);

        public override ValueTask DisposeAsync()
        {
            ReturnChunks();
            return ValueTask.CompletedTask;
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
}
