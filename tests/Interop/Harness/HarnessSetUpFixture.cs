using Conformance.Harness.Docker;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;
using Conformance.Interop.Tests.Matrix;

namespace Conformance.Interop.Tests;

/// <summary>
/// The interop assembly's one-time setup: the same code as `conformance setup` (idempotent, so
/// after CI's setup step it only finds what is there). If no engine can be had, every test that
/// uses the harness fails with the setup's message (its fixture's setup throws it); nothing is
/// skipped, and tests that need no container (host processes only) still run.
/// It also starts the interop matrix's runner (tests/Interop/Matrix), whose results file is written at the
/// end with the topologies' measurements. At the end the run's containers and networks are removed by label.
/// </summary>
[SetUpFixture]
public sealed class HarnessSetUpFixture
{
    private static HarnessEnvironment? environment;
    private static TopologyPool? pool;
    private static HarnessSetupException? failure;

    public static HarnessEnvironment Environment => environment ?? throw SetupFailure();

    public static TopologyPool Topologies => pool ?? throw SetupFailure();

    [OneTimeSetUp]
    public async Task SetUpHarness()
    {
        try
        {
            environment = await HarnessSetup.RunAsync(HarnessSettings.FromEnvironment(), Log, CancellationToken.None);
            pool = new TopologyPool(environment, Log);
            await MatrixHost.StartAsync(environment, pool, Log);
        }
        catch (HarnessSetupException ex)
        {
            failure = ex;
            Log($"SETUP FAILED, every harness test will fail: {ex.Message}");
        }
    }

    [OneTimeTearDown]
    public async Task TearDownHarness()
    {
        await MatrixHost.StopAsync(Log);
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

    private static InvalidOperationException SetupFailure() => failure is null
        ? new InvalidOperationException("Harness setup has not run (HarnessSetUpFixture).")
        : new InvalidOperationException($"Harness setup failed: {failure.Message}", failure);

    public static void Log(string line) => TestContext.Progress.WriteLine($"[harness {DateTime.UtcNow:HH:mm:ss}] {line}");
}
