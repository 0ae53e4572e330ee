using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

public class StallBudgetTests
{
    private static TimeSpan[] Series(params double[] milliseconds) => [.. milliseconds.Select(TimeSpan.FromMilliseconds)];

    [Test]
    public void Healthy_messages_with_a_few_noisy_outliers_are_within_the_budget()
    {
        var verdict = StallBudget.PerMessage.Evaluate(Series(2, 3, 2, 150, 2, 4, 3, 90, 2, 3));

        verdict.Stalled.Should().BeFalse();
        verdict.Signature.Should().Be(StallSignature.None);
        verdict.Latency.Max.Should().Be(TimeSpan.FromMilliseconds(150));
    }

    [TestCase(44.0, StallSignature.NagleDelayedAck)]
    [TestCase(88.0, StallSignature.NagleDelayedAck)]
    [TestCase(207.0, StallSignature.PersistTimer)]
    [TestCase(5000.0, StallSignature.HostLookup)]
    [TestCase(25.0, StallSignature.Unclassified)]
    [TestCase(150.0, StallSignature.Unclassified)]
    public void A_median_over_the_budget_is_a_stall_named_by_its_period(double medianMs, StallSignature expected)
    {
        var verdict = StallBudget.PerMessage.Evaluate(Series(medianMs, medianMs, medianMs, 2, medianMs));

        verdict.Stalled.Should().BeTrue();
        verdict.Signature.Should().Be(expected);
        verdict.ToString().Should().Contain(expected.ToString());
    }

    [Test]
    public void Percentiles_are_nearest_rank()
    {
        var summary = LatencySummary.From(Series(Enumerable.Range(1, 100).Select(i => (double)i).ToArray()));

        summary.P50.Should().Be(TimeSpan.FromMilliseconds(50));
        summary.P95.Should().Be(TimeSpan.FromMilliseconds(95));
        summary.Max.Should().Be(TimeSpan.FromMilliseconds(100));
        summary.Count.Should().Be(100);
    }

    [Test]
    public void An_empty_series_is_refused()
    {
        var act = () => StallBudget.PerMessage.Evaluate([]);

        act.Should().Throw<ArgumentException>().WithMessage("*at least one sample*");
    }
}
