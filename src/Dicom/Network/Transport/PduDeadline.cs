using System.Diagnostics;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// The time a PDU may take once its first byte arrived (or a slice of a streamed P-DATA-TF once its read began).
/// An idle timer reset by every byte would never fire against a peer sending one byte a second; this does.
/// </summary>
internal sealed class PduDeadline(TimeSpan timeout) : IDisposable
{
    private long _started;
    private CancellationTokenSource? _linked;
    private CancellationToken _linkedTo;

    public TimeSpan Timeout => timeout;

    public bool IsRunning => _started != 0;

    public void Start()
    {
        if (_started == 0)
        {
            _started = Stopwatch.GetTimestamp();
        }
    }

    public void Stop()
    {
        _started = 0;
        _linked?.Dispose();
        _linked = null;
    }

    /// <summary>The caller's token, also cancelled when the deadline passes (one linked source per PDU, not per receive).</summary>
    public CancellationToken Token(CancellationToken outer)
    {
        if (!IsRunning || timeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return outer;
        }

        if (_linked is null || _linkedTo != outer)
        {
            _linked?.Dispose();
            _linked = CancellationTokenSource.CreateLinkedTokenSource(outer);
            _linkedTo = outer;
            var left = timeout - Stopwatch.GetElapsedTime(_started);
            _linked.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return _linked.Token;
    }

    public bool Expired(CancellationToken outer) => _linked is { IsCancellationRequested: true } && !outer.IsCancellationRequested;

    public void Dispose() => Stop();
}
