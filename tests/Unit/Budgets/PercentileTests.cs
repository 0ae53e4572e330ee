using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

public class PercentileTests
{
    [Test]
    public void Percentiles_are_nearest_rank_so_each_is_a_measured_value()
    {
        var summary = LatencySummary.From(Series.Ms([.. Enumerable.Range(1, 100).Select(i => (double)i)]));

        summary.P50.Should().Be(TimeSpan.FromMilliseconds(50));
        summary.P95.Should().Be(TimeSpan.FromMilliseconds(95));
        summary.Max.Should().Be(TimeSpan.FromMilliseconds(100));
        summary.Total.Should().Be(TimeSpan.FromMilliseconds(5050));
        summary.Count.Should().Be(100);
    }

    [TestCase(0.0, 1.0)]
    [TestCase(0.25, 1.0)]
    [TestCase(0.26, 2.0)]
    [TestCase(0.5, 2.0)]
    [TestCase(0.99, 4.0)]
    [TestCase(1.0, 4.0)]
    public void Small_series_take_the_sample_at_rank_ceil_p_times_n(double fraction, double expected)
    {
        Percentile.Of([4.0, 1.0, 3.0, 2.0], fraction).Should().Be(expected);
    }

    [Test]
    public void An_empty_series_or_a_fraction_outside_0_to_1_is_refused()
    {
        FluentActions.Invoking(() => LatencySummary.From([])).Should().Throw<ArgumentException>().WithMessage("*at least one sample*");
        FluentActions.Invoking(() => Percentile.NearestRank(new[] { 1.0 }, 1.5)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
