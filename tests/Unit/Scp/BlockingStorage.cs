using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Unit.Tests.Scp;

/// <summary>
/// A storage device that stalls (a slow or hung disk): every write blocks its thread until <see cref="Open"/>, as a
/// write to a stalled disk does; with <paramref name="failure"/> every write throws it instead (a device that fails).
/// Writes to device (the default of <see cref="IInstanceStorage.WritesToDevice"/>), whatever <paramref name="inner"/> is.
/// </summary>
internal sealed class BlockingStorage(IInstanceStorage inner, Exception? failure = null) : IInstanceStorage, IDisposable
{
    private readonly ManualResetEventSlim _device = new(false);
    private readonly TaskCompletionSource _blocked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _events = [];
    private readonly Exception? _failure = failure;

    /// <summary>Completes when the first write blocked.</summary>
    public Task Blocked => _blocked.Task;

    public string Description => "blocking " + inner.Description;

    public bool CanRead => inner.CanRead;

    /// <summary>Lets every write through (idempotent: tests call it again on the way out so nothing hangs).</summary>
    public void Open()
    {
        if (!_device.IsSet)
        {
            Record("device opened");
            _device.Set();
        }
    }

    /// <summary>What happened, in order (the test adds its own events).</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Record(string what)
    {
        lock (_events)
        {
            _events.Add(what);
        }
    }

    public async ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken) =>
        new Blocking(this, await inner.BeginAsync(sopInstanceUid, cancellationToken));

    public Stream OpenRead(string location) => inner.OpenRead(location);

    public void Dispose() => _device.Dispose();

    private sealed class Blocking(BlockingStorage owner, IncomingInstance inner) : IncomingInstance
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            if (owner._blocked.TrySetResult())
            {
                owner.Record("write blocked");
            }

            owner._device.Wait(cancellationToken);
            if (owner._failure is { } failure)
            {
                throw failure;
            }

            return inner.WriteAsync(data, cancellationToken);
        }

        public override ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken) => inner.CompleteAsync(durable, cancellationToken);

        public override void Commit() => inner.Commit();

        public override void Revert() => inner.Revert();

        public override ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
