using System.Collections.Concurrent;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Threads of their own for blocking I/O (synchronous file writes, fsync, renames, SQLite): a slow disk or index then
/// holds up these threads, never an association's reader or the thread pool every reader's continuations run on.
/// Synchronous writes stay (they are the fast path on Linux, where "async" file I/O is a thread-pool hop per write).
/// Work run here hides this scheduler (its own continuations go to the thread pool), so it never waits on a task queued
/// behind it on these threads.
/// </summary>
public sealed class DedicatedIoScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = [];
    private readonly Thread[] _threads;

    public DedicatedIoScheduler(string name, int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threads = Enumerable.Range(0, threads).Select(i => new Thread(Work) { IsBackground = true, Name = $"{name} {i + 1}" }).ToArray();
        foreach (var thread in _threads)
        {
            thread.Start();
        }
    }

    /// <summary>The storage areas' scheduler: as many threads as cores, at least two, at most eight.</summary>
    public static DedicatedIoScheduler Storage { get; } = new("storage I/O", Math.Clamp(Environment.ProcessorCount, 2, 8));

    public override int MaximumConcurrencyLevel => _threads.Length;

    /// <summary>Runs <paramref name="work"/> on one of these threads.</summary>
    public Task RunAsync(Action work, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach | TaskCreationOptions.HideScheduler, this);

    public Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.DenyChildAttach | TaskCreationOptions.HideScheduler, this);

    public void Dispose()
    {
        _queue.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _queue.Dispose();
    }

    protected override void QueueTask(Task task) => _queue.Add(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    // Inline only on our own threads: a caller elsewhere must not end up doing the blocking work itself.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Array.IndexOf(_threads, Thread.CurrentThread) >= 0 && TryExecuteTask(task);

    private void Work()
    {
        foreach (var task in _queue.GetConsumingEnumerable())
        {
            TryExecuteTask(task);
        }
    }
}
