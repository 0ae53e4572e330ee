using System.Collections.Concurrent;
using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp.Storage;

/// <summary>Instances kept in memory (for benchmarks and tests): location "memory:&lt;uid&gt;", one array each.</summary>
public sealed class MemoryInstanceStorage : IInstanceStorage
{
    private readonly ConcurrentDictionary<string, byte[]> _instances = new(StringComparer.Ordinal);

    public string Description => "memory";

    public bool CanRead => true;

    /// <summary>Fragments are copied into memory: nothing to wait for, so no device thread.</summary>
    public bool WritesToDevice => false;

    public int Count => _instances.Count;

    internal ReplacementLocks Locks { get; } = new();

    public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IncomingInstance>(new MemoryIncomingInstance(this, "memory:" + sopInstanceUid));

    public Stream OpenRead(string location) =>
        _instances.TryGetValue(location, out var bytes)
            ? new MemoryStream(bytes, writable: false)
            : throw new FileNotFoundException($"No instance at {location} in memory storage.", location);

    /// <summary>Makes <paramref name="bytes"/> the instance at <paramref name="location"/>; returns the one it replaced.</summary>
    internal byte[]? Publish(string location, byte[] bytes)
    {
        _instances.TryGetValue(location, out var previous);
        _instances[location] = bytes;
        return previous;
    }

    /// <summary>Puts back what <see cref="Publish"/> replaced (nothing: removes the location).</summary>
    internal void Restore(string location, byte[]? previous)
    {
        if (previous is null)
        {
            _instances.TryRemove(location, out _);
        }
        else
        {
            _instances[location] = previous;
        }
    }
}
