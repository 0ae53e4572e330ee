using Conformance.Harness.Docker;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// One run's use of the harness: setup (idempotent: after `conformance setup` it only finds what is there),
/// a topology pool that starts and measures each topology once, and at the end the removal of this run's
/// containers and networks. The perf canaries' SetUpFixture and `conformance reproduce` both hold one.
/// </summary>
public sealed class HarnessSession : IAsyncDisposable
{
    private readonly Action<string> log;

    private HarnessSession(HarnessEnvironment environment, Action<string> log)
    {
        Environment = environment;
        this.log = log;
        Topologies = new TopologyPool(environment, log);
    }

    public HarnessEnvironment Environment { get; }

    public TopologyPool Topologies { get; }

    /// <exception cref="HarnessSetupException">No engine or images could be had; the message says what is missing.</exception>
    public static async Task<HarnessSession> StartAsync(Action<string> log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var environment = await HarnessSetup.RunAsync(HarnessSettings.FromEnvironment(), log, cancellationToken).ConfigureAwait(false);
        return new HarnessSession(environment, log);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var measurement in Topologies.Measurements)
        {
            log($"measured {measurement}");
        }

        await Topologies.DisposeAsync().ConfigureAwait(false);
        await new SuiteJanitor(Environment.Docker, log).RemoveRunAsync(SuiteLabels.CurrentRunId, CancellationToken.None).ConfigureAwait(false);
    }
}
