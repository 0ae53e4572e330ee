using Conformance.Harness.Docker;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;

namespace Conformance.Interop.Tests;

/// <summary>
/// The interop assembly's one-time setup: the same code as `conformance setup` (idempotent, so
/// after CI's setup step it only finds what is there). If no engine can be had, this throws and
/// every interop test fails with the setup's message; nothing is skipped.
/// At the end the run's containers and networks are removed by label.
/// </summary>
[SetUpFixture]
public sealed class HarnessSetUpFixture
{
    private static HarnessEnvironment? environment;
    private static TopologyPool? pool;

    public static HarnessEnvironment Environment =>
        environment ?? throw new InvalidOperationException("Harness setup has not run (HarnessSetUpFixture).");

    public static TopologyPool Topologies =>
        pool ?? throw new InvalidOperationException("Harness setup has not run (HarnessSetUpFixture).");

    [OneTimeSetUp]
    public async Task SetUpHarness()
    {
        environment = await HarnessSetup.RunAsync(HarnessSettings.FromEnvironment(), Log, CancellationToken.None);
        pool = new TopologyPool(environment, Log);
    }

    [OneTimeTearDown]
    public async Task TearDownHarness()
    {
        if (pool is not null)
        {
            foreach (var measurement in pool.Measurements)
            {
                Log($"measured {measurement}");
            }

            await pool.DisposeAsync();
        }

        if (environment is not null)
        {
            await new SuiteJanitor(environment.Docker, Log).RemoveRunAsync(SuiteLabels.CurrentRunId, CancellationToken.None);
        }
    }

    public static void Log(string line) => TestContext.Progress.WriteLine($"[harness {DateTime.UtcNow:HH:mm:ss}] {line}");
}
