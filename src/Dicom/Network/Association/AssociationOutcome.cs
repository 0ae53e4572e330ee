namespace Conformance.Dicom.Network.Association;

/// <summary>
/// How one association went: established, released, closed, or the first failure. Every waiter learns a
/// failure at once, before the transport has closed.
/// </summary>
internal sealed class AssociationOutcome
{
    private readonly TaskCompletionSource _established = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;

    public Task Established => _established.Task;

    public Task Released => _released.Task;

    public Task Closed => _closed.Task;

    public Exception? Failure => Volatile.Read(ref _failure);

    public void Establish() => _established.TrySetResult();

    public void ConfirmRelease() => _released.TrySetResult();

    /// <summary>Records the first failure; false when one was already recorded.</summary>
    public bool TryFail(Exception failure)
    {
        if (Interlocked.CompareExchange(ref _failure, failure, null) is not null)
        {
            return false;
        }

        SetFailed(failure);
        return true;
    }

    /// <summary>The transport closed: whatever is still pending ends, cleanly when nothing failed.</summary>
    public void Close(Exception ended)
    {
        var failure = Failure;
        _established.TrySetException(failure ?? ended);
        if (failure is null)
        {
            _released.TrySetResult();
        }
        else
        {
            _released.TrySetException(failure);
        }

        Observe();
        _closed.TrySetResult();
    }

    private void SetFailed(Exception failure)
    {
        _established.TrySetException(failure);
        _released.TrySetException(failure);
        Observe();
    }

    private void Observe()
    {
        _established.Task.Exception?.Handle(_ => true);
        _released.Task.Exception?.Handle(_ => true);
    }
}
