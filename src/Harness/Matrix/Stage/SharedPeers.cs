using System.Collections.Concurrent;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>
/// Peers and helpers started once per key and shared by every case that asks for them; all disposed at
/// the end. A failed start is not cached, so the next case tries again (and fails with its own message).
/// </summary>
internal sealed class SharedPeers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IAsyncDisposable>>> _started = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> start)
        where T : IAsyncDisposable
    {
        var lazy = _started.GetOrAdd(key, _ => new Lazy<Task<IAsyncDisposable>>(async () => await start().ConfigureAwait(false)));
        try
        {
            return (T)await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            _started.TryRemove(new KeyValuePair<string, Lazy<Task<IAsyncDisposable>>>(key, lazy));
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in _started.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                await (await lazy.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Docker.DockerCommandException or TimeoutException)
            {
                // A peer that never started has nothing to dispose; the case that needed it already failed with the reason.
            }
        }

        _started.Clear();
    }
}
