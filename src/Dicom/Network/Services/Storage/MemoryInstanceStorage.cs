using System.Collections.Concurrent;

namespace Conformance.Dicom.Network.Services.Storage;

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

    private sealed class MemoryIncomingInstance(MemoryInstanceStorage owner, string location) : IncomingInstance
    {
        private readonly MemoryStream _buffer = new();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            _buffer.Write(data.Span);
            Length += data.Length;
            return ValueTask.CompletedTask;
        }

        public override ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
        {
            owner._instances[location] = _buffer.ToArray();
            return ValueTask.FromResult(location);
        }

        public override void Revert() => owner._instances.TryRemove(location, out _);

        public override ValueTask DisposeAsync() => _buffer.DisposeAsync();
    }
}
