using Conformance.Budgets;
using Conformance.Harness.Topologies;

namespace Conformance.Harness.Scenarios.Canaries;

/// <summary>One exchange of a canary pair: its name (the evidence folder), what one operation is, how many it makes, and what it does.</summary>
public sealed record CanaryExchange(string Name, string Operation, int Count, Func<ExchangeRunner, string, CancellationToken, Task<ExchangeMeasurement>> Run)
{
    /// <summary>Measured once per runner (a twin shared by two canaries is measured once).</summary>
    public Task<ExchangeMeasurement> MeasureAsync(ExchangeRunner runner, CancellationToken cancellationToken) =>
        runner.OnceAsync(Name, ct => Run(runner, Name, ct), cancellationToken);

    /// <summary>Judged, and measured again under <paramref name="name"/> when a failure needs confirming.</summary>
    public async Task<Budgets.BudgetVerdict> JudgeAsync(ExchangeRunner runner, ExchangeMeasurement measurement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runner);
        return await runner.JudgeConfirmedAsync(measurement, (name, ct) => Run(runner, name, ct), Operation, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// A pathology reproduced on purpose, which the budget must fail with <see cref="Expected"/>, and its fixed
/// twin, which must pass; on the topologies where the mechanism can occur (docs/pathologies.md).
/// </summary>
public sealed record Canary(string Name, string Description, StallSignature Expected, CanaryExchange Stalled, CanaryExchange Fixed, IReadOnlyList<TopologySpec> Topologies)
{
    public override string ToString() => Name;
}
