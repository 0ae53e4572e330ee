using System.Threading.Channels;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// The pending <see cref="DicomAssociation.ReceiveAsync(Func{IncomingCommand, IMessageDataSink}, CancellationToken)"/>
/// calls, oldest first. The reader takes one when a command set completes and reads nothing further until
/// one is there (TCP backpressure); once we asked to release, a message nobody waits for is dropped.
/// </summary>
internal sealed class ReceiveQueue
{
    // Not single-reader: a failure raised on a user task drains waiting receivers too.
    private readonly Channel<ReceiveRequest> _waiting = Channel.CreateUnbounded<ReceiveRequest>(new UnboundedChannelOptions { SingleReader = false });
    private readonly TaskCompletionSource _releaseRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TryAdd(ReceiveRequest request) => _waiting.Writer.TryWrite(request);

    public void MarkReleaseRequested() => _releaseRequested.TrySetResult();

    /// <summary>Waits for a receiver (null once release was requested and none waits, or the queue closed).</summary>
    public async ValueTask<ReceiveRequest?> TakeAsync(CancellationToken ct)
    {
        while (true)
        {
            while (_waiting.Reader.TryRead(out var request))
            {
                if (request.TryTake())
                {
                    return request;
                }
            }

            if (_releaseRequested.Task.IsCompleted)
            {
                return null;
            }

            var available = _waiting.Reader.WaitToReadAsync(ct).AsTask();
            if (await Task.WhenAny(available, _releaseRequested.Task).ConfigureAwait(false) == available && !await available.ConfigureAwait(false))
            {
                return null;
            }
        }
    }

    /// <summary>Ends every waiting receive: with null (peer released) or with <paramref name="failure"/>.</summary>
    public void EndWaiting(Exception? failure)
    {
        while (_waiting.Reader.TryRead(out var waiting))
        {
            if (failure is null)
            {
                waiting.Complete(null);
            }
            else
            {
                waiting.Fail(failure);
            }
        }
    }

    /// <summary>No receive is accepted any more; those waiting end as <see cref="EndWaiting"/> says.</summary>
    public void Close(Exception? failure)
    {
        _waiting.Writer.TryComplete();
        EndWaiting(failure);
    }
}
