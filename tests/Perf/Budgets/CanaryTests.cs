using Conformance.Budgets;
using Conformance.Harness.Scenarios;
using Conformance.Harness.Scenarios.Canaries;
using Conformance.Harness.Topologies;
using FluentAssertions.Execution;

namespace Conformance.Perf.Tests;

/// <summary>
/// The pathologies on purpose (issue 8's table): on each topology where a mechanism can occur, the budget must
/// FAIL the canary with the mechanism's signature and PASS its fixed twin. Per-operation times come from a
/// capture at the receiving storescp (kernel timestamps); both are judged against the reference pair
/// (storescu -> storescp, both TCP_NODELAY=1) measured in the same run on the same topology. A budget that
/// flags everything or nothing fails here; the evidence of every exchange is named in its verdict.
/// </summary>
[NonParallelizable]
public sealed class CanaryTests
{
    /// <summary>Filter with e.g. <c>--filter "Name~dcmtk-defaults&amp;Name~same-host"</c>.</summary>
    public static IEnumerable<TestCaseData> Cells() => CanaryCatalog.Cells.Select(cell => new TestCaseData(cell.Canary.Name, cell.Topology.Name));

    [TestCaseSource(nameof(Cells))]
    [CancelAfter(600_000)]
    public async Task The_canary_fails_with_its_signature_and_its_twin_passes(string canaryName, string topologyName, CancellationToken cancellationToken)
    {
        var canary = CanaryCatalog.Named(canaryName);
        var spec = TopologyCatalog.Local.Single(t => t.Name == topologyName);
        var runner = await BudgetsSetUpFixture.RunnerAsync(spec);

        var stalled = await JudgedAsync(runner, canary, canary.Stalled, "canary", cancellationToken);
        var twin = await JudgedAsync(runner, canary, canary.Fixed, "twin", cancellationToken);

        using (new AssertionScope())
        {
            stalled.Verdict.Kind.Should().Be(BudgetVerdictKind.Fail, $"the canary must be flagged: {stalled.Verdict.Message}");
            stalled.Verdict.Signature.Should().Be(canary.Expected, stalled.Verdict.Message);
            stalled.Verdict.Message.Should().Contain(stalled.Measurement.Evidence[0], "a failed budget names its evidence");
            if (canary.Expected == StallSignature.HostLookup)
            {
                stalled.Verdict.Margins!.SlowSetups.Should().BeGreaterThanOrEqualTo(stalled.Verdict.Margins.SlowSetupLimit, "the set-ups on the wire show the lookup");
            }
            else
            {
                stalled.Verdict.Margins!.TimerGapsOverReference.Should().BeGreaterThanOrEqualTo(stalled.Verdict.Margins.TimerGapsLimit, "the capture shows the TCP timer itself");
            }
            twin.Verdict.Kind.Should().Be(BudgetVerdictKind.Pass, $"the fixed twin is no stall: {twin.Verdict.Message}; evidence: {string.Join(", ", twin.Measurement.Evidence)}");
        }
    }

    private static async Task<(ExchangeMeasurement Measurement, BudgetVerdict Verdict)> JudgedAsync(
        ExchangeRunner runner, Canary canary, CanaryExchange exchange, string role, CancellationToken cancellationToken)
    {
        var measurement = await exchange.MeasureAsync(runner, cancellationToken);
        await TestContext.Out.WriteLineAsync($"{role} {measurement}");
        measurement.Timeline.Lost.Should().BeFalse($"the capture of {exchange.Name} must hold every response ({measurement.CaptureSummary})");
        measurement.Operations.Should().HaveCount(exchange.Count, $"{exchange.Name} makes {exchange.Count} {exchange.Operation} operations and the capture must see each ({measurement.Timeline})");

        var verdict = await exchange.JudgeAsync(runner, measurement, cancellationToken);
        await TestContext.Out.WriteLineAsync($"{role} verdict: {verdict.Kind} {verdict.Signature}; {verdict.Margins}\n  {verdict.Message}");
        VerdictRecord.Add(runner.Topology.Spec.Name, canary.Name, exchange.Name, role, verdict);
        return (measurement, verdict);
    }
}
