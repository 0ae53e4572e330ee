using System.Collections.Concurrent;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Scenarios.Canaries;
using Conformance.Harness.Setup;
using Conformance.Harness.Topologies;

namespace Conformance.Perf.Tests;

/// <summary>
/// The perf assembly's one-time setup: the harness (the same setup and topology pool as the interop tests),
/// the CT images every canary sends, and one <see cref="ExchangeRunner"/> per topology so the reference pair and
/// shared twins are measured once. Without a Docker engine every canary fails with the setup's message.
/// </summary>
[SetUpFixture]
public sealed class BudgetsSetUpFixture
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<ExchangeRunner>>> Runners = new();
    private static HarnessSession? session;
    private static HarnessSetupException? failure;
    private static ScenarioImages? images;
    private static string work = "";

    public static string EvidenceRoot => Path.Combine(TestContext.CurrentContext.WorkDirectory, "evidence", "budgets");

    public static Task<ExchangeRunner> RunnerAsync(TopologySpec spec) =>
        Runners.GetOrAdd(spec.Name, _ => new Lazy<Task<ExchangeRunner>>(() => StartRunnerAsync(spec))).Value;

    [OneTimeSetUp]
    public async Task SetUpHarnessAndImages()
    {
        if (Directory.Exists(EvidenceRoot))
        {
            Directory.Delete(EvidenceRoot, recursive: true);
        }

        try
        {
            session = await HarnessSession.StartAsync(Log, CancellationToken.None);
        }
        catch (HarnessSetupException ex)
        {
            failure = ex;
            Log($"SETUP FAILED, every canary will fail: {ex.Message}");
            return;
        }

        work = Directory.CreateTempSubdirectory("conformance-budgets-").FullName;
        images = await ScenarioImages.GenerateAsync(Path.Combine(work, "ct"), CanaryCatalog.Images, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task TearDownHarness()
    {
        if (session is not null)
        {
            await session.DisposeAsync();
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    public static void Log(string line) => TestContext.Progress.WriteLine($"[budgets {DateTime.UtcNow:HH:mm:ss}] {line}");

    private static async Task<ExchangeRunner> StartRunnerAsync(TopologySpec spec)
    {
        if (session is null || images is null)
        {
            throw new InvalidOperationException(failure is null ? "Harness setup has not run (BudgetsSetUpFixture)." : $"Harness setup failed: {failure.Message}", failure);
        }

        var topology = await session.Topologies.GetAsync(spec, CancellationToken.None);
        return new ExchangeRunner(topology, images, EvidenceRoot, Log);
    }
}
