namespace Conformance.Benchmarks.Scaling;

/// <summary>
/// The managed heap's peak over an interval, sampled every 10 ms (GC.GetTotalMemory without collecting), and the
/// bytes allocated in it. A sampled peak can miss a spike shorter than the period; RSS (VmHWM) cannot.
/// </summary>
public sealed class HeapPeakSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak;
    private long _allocatedAtReset;

    public HeapPeakSampler()
    {
        Reset();
        _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
    }

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public long AllocatedBytes => GC.GetTotalAllocatedBytes(precise: false) - Interlocked.Read(ref _allocatedAtReset);

    /// <summary>Collects first, so the next peak starts from what is live now.</summary>
    public void Reset()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Interlocked.Exchange(ref _peak, GC.GetTotalMemory(forceFullCollection: false));
        Interlocked.Exchange(ref _allocatedAtReset, GC.GetTotalAllocatedBytes(precise: false));
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, seen) != seen)
        {
        }
    }
}
