namespace Conformance.Scp.Storage;

/// <summary>
/// Serialises the stores of one location from the moment an instance is published until its store is committed or
/// reverted, so two associations storing the same SOP Instance UID cannot put each other's instance aside. Striped:
/// a fixed set of semaphores chosen by the location's hash (unrelated locations rarely wait for each other).
/// </summary>
internal sealed class ReplacementLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public async ValueTask<IDisposable> AcquireAsync(string location, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(location) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Held(stripe);
    }

    private sealed class Held(SemaphoreSlim stripe) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                stripe.Release();
            }
        }
    }
}
