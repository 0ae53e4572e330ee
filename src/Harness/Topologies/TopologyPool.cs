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

    public Task<Topology> GetAsync(TopologySpec spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return started.GetOrAdd(spec, s => new Lazy<Task<Topology>>(() => StartAsync(s, cancellationToken))).Value;
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
