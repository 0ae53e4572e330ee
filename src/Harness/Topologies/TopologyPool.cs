using System.Collections.Concurrent;
using Conformance.Harness.Setup;

namespace Conformance.Harness.Topologies;

/// <summary>
/// One started topology per spec for a whole test run: fixtures ask for a spec, the first ask
/// starts (and measures) it, the run's end disposes them all.
/// </summary>
public sealed class TopologyPool(HarnessEnvironment environment, Action<string> log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<TopologySpec, Lazy<Task<Topology>>> started = new();

    /// <summary>The started topology; a start that failed is forgotten, so the next fixture tries again instead of inheriting the failure.</summary>
    public async Task<Topology> GetAsync(TopologySpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var lazy = started.GetOrAdd(spec, s => new Lazy<Task<Topology>>(() => StartAsync(s, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch
        {
            started.TryRemove(new KeyValuePair<TopologySpec, Lazy<Task<Topology>>>(spec, lazy));
            throw;
        }
    }

    /// <summary>Measurements of every topology started so far.</summary>
    public IReadOnlyList<LinkMeasurement> Measurements =>
        started.Values.Where(l => l.IsValueCreated && l.Value.IsCompletedSuccessfully)
            .Select(l => l.Value.Result.Measurement)
            .OfType<LinkMeasurement>()
            .ToList();

    private async Task<Topology> StartAsync(TopologySpec spec, CancellationToken cancellationToken)
    {
        log($"starting topology {spec.Name}");
        var topology = await TopologyFactory.StartAsync(spec, environment, cancellationToken).ConfigureAwait(false);
        log($"topology measured: {topology.Measurement}");
        return topology;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lazy in started.Values.Where(l => l.IsValueCreated))
        {
            try
            {
                var topology = await lazy.Value.ConfigureAwait(false);
                await topology.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is InvalidOperationException or Docker.DockerCommandException or HarnessSetupException)
            {
                log($"a topology failed to start, nothing to dispose: {ex.Message}");
            }
        }
    }
}
