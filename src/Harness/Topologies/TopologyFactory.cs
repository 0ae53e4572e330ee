using Conformance.Harness.Setup;

namespace Conformance.Harness.Topologies;

/// <summary>Starts the topology a spec describes and has it measure itself.</summary>
public static class TopologyFactory
{
    public static async Task<Topology> StartAsync(TopologySpec spec, HarnessEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Topology topology = spec.Kind switch
        {
            TopologyKind.SameHost => new SameHostTopology(spec, environment),
            TopologyKind.Bridged => await BridgedTopology.StartAsync(spec, environment, cancellationToken).ConfigureAwait(false),
            TopologyKind.CrossHost => await CrossHostTopology.StartAsync(spec, environment, cancellationToken).ConfigureAwait(false),
            TopologyKind.Remote => await RemoteTopology.StartAsync(spec, environment, cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec.Kind, "unknown topology kind"),
        };
        try
        {
            topology.Measurement = await LinkMeasurer.MeasureAsync(topology, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await topology.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return topology;
    }
}
