using System.Buffers;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// One instance's bytes on their way to a storage device (<see cref="IInstanceStorage.WritesToDevice"/>). The reader only
/// copies fragments into pooled blocks of <see cref="BlockSize"/> bytes and queues each full block, taking a slot of the
/// association's <see cref="WriteBudget"/>; the blocks are written on <see cref="DedicatedIoScheduler.Storage"/> in the
/// order they arrived, each a continuation of the one before, the first one also beginning the instance (creating its
/// file). A failure there (disk full, a storage that throws) is kept in <see cref="Failure"/> and the blocks after it are
/// dropped; the handler turns it into a failure status once <see cref="Written"/> completes.
/// </summary>
internal sealed class DeviceWrites(IInstanceStorage storage, string sopInstanceUid, WriteBudget budget)
{
    /// <summary>Large enough that a write is one system call with no FileStream buffering, small enough to bound memory.</summary>
    public const int BlockSize = 256 * 1024;

    private Task _written = Task.CompletedTask;
    private byte[]? _block;
    private int _blockUsed;
    private IncomingInstance? _instance;
    private volatile Exception? _failure;

    /// <summary>Why the device side failed, if it did.</summary>
    public Exception? Failure => _failure;

    /// <summary>Completes when every queued block has been written or dropped; it never faults.</summary>
    public Task Written => _written;

    /// <summary>The instance being written: read it only after <see cref="Written"/> completed (null when beginning failed).</summary>
    public IncomingInstance? Instance => _instance;

    /// <summary>Copies <paramref name="data"/> into blocks; waits only when the association's budget is spent.</summary>
    public async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            _block ??= ArrayPool<byte>.Shared.Rent(BlockSize);
            var take = Math.Min(data.Length, BlockSize - _blockUsed);
            data.Span[..take].CopyTo(_block.AsSpan(_blockUsed));
            _blockUsed += take;
            data = data[take..];
            if (_blockUsed == BlockSize)
            {
                await QueueBlockAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Queues the last, partly filled block (the data set's end).</summary>
    public async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        if (_blockUsed > 0)
        {
            await QueueBlockAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="operation"/> on a device thread, after every queued block.</summary>
    public Task<T> ThenAsync<T>(Func<T> operation) =>
        _written.ContinueWith(_ => operation(), CancellationToken.None, ContinuationOptions, DedicatedIoScheduler.Storage);

    /// <summary>
    /// Runs <paramref name="operation"/> right after the last queued block, on the device thread that wrote it (no trip
    /// through the queue), then disposes the instance in the same step, so neither finishing an instance nor disposing
    /// it costs another hand-over between threads. Call once, after <see cref="FlushAsync"/>: no block may follow.
    /// </summary>
    public Task<T> FinishAsync<T>(Func<T> operation) =>
        _written.ContinueWith(
            _ =>
            {
                try
                {
                    return operation();
                }
                finally
                {
                    DisposeInstanceHere();
                }
            },
            CancellationToken.None,
            ContinuationOptions | TaskContinuationOptions.ExecuteSynchronously,
            DedicatedIoScheduler.Storage);

    /// <summary>Waits for the queued blocks, then disposes the instance on a device thread (nothing published stays unpublished).</summary>
    public async ValueTask DisposeAsync()
    {
        await _written.ConfigureAwait(false);
        if (Interlocked.Exchange(ref _block, null) is { } block)
        {
            ArrayPool<byte>.Shared.Return(block);
        }

        if (Volatile.Read(ref _instance) is not null)
        {
            await ThenAsync(DisposeInstanceHere).ConfigureAwait(false);
        }
    }

    /// <summary>Sync over async, only ever on a device thread: the instance's methods complete synchronously on a disk.</summary>
    public static void Wait(ValueTask pending)
    {
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }
    }

    public static T Wait<T>(ValueTask<T> pending) => pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();

    // On a device thread only.
    private bool DisposeInstanceHere()
    {
        if (Interlocked.Exchange(ref _instance, null) is { } instance)
        {
            Wait(instance.DisposeAsync());
        }

        return true;
    }

    private const TaskContinuationOptions ContinuationOptions = TaskContinuationOptions.DenyChildAttach | TaskContinuationOptions.HideScheduler;

    private async ValueTask QueueBlockAsync(CancellationToken cancellationToken)
    {
        await budget.TakeAsync(cancellationToken).ConfigureAwait(false);
        var (block, used) = (_block!, _blockUsed);
        (_block, _blockUsed) = (null, 0);
        _written = _written.ContinueWith(_ => WriteBlock(block, used), CancellationToken.None, ContinuationOptions, DedicatedIoScheduler.Storage);
    }

    private void WriteBlock(byte[] block, int used)
    {
        try
        {
            if (_failure is null)
            {
                _instance ??= Wait(storage.BeginAsync(sopInstanceUid, CancellationToken.None));
                Wait(_instance.WriteAsync(block.AsMemory(0, used), CancellationToken.None));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Whatever the device threw fails this instance only: the handler answers a failure status.
            _failure = ex;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
            budget.Return();
        }
    }
}
