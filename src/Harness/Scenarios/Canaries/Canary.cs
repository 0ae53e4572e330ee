using Conformance.Budgets;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Canaries;

/// <summary>One exchange of a canary pair: its name (the evidence folder), what one operation is, how many it makes, and what it does.</summary>
public sealed record CanaryExchange(string Name, string Operation, int Count, Func<CanaryRunner, CancellationToken, Task<ExchangeMeasurement>> Run)
{
    public Task<ExchangeMeasurement> MeasureAsync(CanaryRunner runner, CancellationToken cancellationToken) => runner.OnceAsync(Name, ct => Run(runner, ct), cancellationToken);
}

/// <summary>
/// A pathology reproduced on purpose, which the budget must fail with <see cref="Expected"/>, and its fixed
/// twin, which must pass; on the topologies where the mechanism can occur (docs/pathologies.md).
/// </summary>
public sealed record Canary(string Name, string Description, StallSignature Expected, CanaryExchange Stalled, CanaryExchange Fixed, IReadOnlyList<TopologySpec> Topologies)
{
    public override string ToString() => Name;
}
