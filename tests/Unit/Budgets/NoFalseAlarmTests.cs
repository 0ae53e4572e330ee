using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

/// <summary>What must not fail: slow links, noisy machines, a SUT somewhat slower than DCMTK.</summary>
public class NoFalseAlarmTests
{
    [Test]
    public void A_525_kb_image_on_a_100_mbit_link_needs_42_ms_and_is_no_stall_with_a_reference()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 43, 47),
            Reference = Series.Between(100, 43, 45, seed: 5),
            LinkRoundTrip = TimeSpan.FromMilliseconds(0.3),
            LinkThroughputMbit = 95,
            BytesPerOperation = 525_000,
        };

        OperationBudget.Evaluate(input).Kind.Should().Be(BudgetVerdictKind.Pass);
    }

    [Test]
    public void Without_a_reference_the_link_itself_sets_the_expected_time()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 43, 60),
            LinkRoundTrip = TimeSpan.FromMilliseconds(0.3),
            LinkThroughputMbit = 100,
            BytesPerOperation = 525_000,
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
        verdict.Reference.Should().Contain("42.0 ms on the wire");
    }

    [Test]
    public void A_slow_link_raises_the_line_even_over_a_faster_reference()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 43, 47),
            Reference = Series.Between(100, 3, 4),
            LinkRoundTrip = TimeSpan.FromMilliseconds(0.3),
            LinkThroughputMbit = 100,
            BytesPerOperation = 525_000,
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
        verdict.Reference.Should().Contain("raised to the link");
    }

    [Test]
    public void Noisy_outliers_on_a_busy_machine_do_not_fail()
    {
        var operations = Series.Between(100, 1.9, 4.5).Stall(i => i is 7 or 19 or 33 or 58 or 71 or 90, 120);
        var reference = Series.Between(100, 1.9, 4.0, seed: 9).Stall(i => i is 12 or 64, 90);

        var verdict = OperationBudget.Evaluate(new BudgetInput { Operations = operations, Reference = reference });

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
        verdict.Latency!.Max.Should().BeGreaterThan(TimeSpan.FromMilliseconds(120), "the outliers are recorded, they just do not decide");
    }

    [Test]
    public void A_noisy_reference_excuses_as_much_noise_in_the_series()
    {
        var operations = Series.Between(100, 2, 4).Stall(i => i % 6 == 0, 60);
        var reference = Series.Between(100, 2, 4, seed: 4).Stall(i => i % 8 == 0, 60);

        var verdict = OperationBudget.Evaluate(new BudgetInput { Operations = operations, Reference = reference });

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
        verdict.Margins!.StalledOverReference.Should().Be(4, "17 over the line, less the 13 the reference's own share predicts");
    }

    [TestCase(3, BudgetVerdictKind.Pass)]
    [TestCase(4, BudgetVerdictKind.Fail)]
    public void Twenty_operations_need_four_stalls_to_fail(int stalls, BudgetVerdictKind expected)
    {
        var operations = Series.Between(20, 2, 3).Stall(i => i < stalls, 42);

        OperationBudget.Evaluate(new BudgetInput { Operations = operations, Reference = Series.Between(20, 2, 3, seed: 2) }).Kind.Should().Be(expected);
    }

    [Test]
    public void A_sut_one_and_a_half_times_slower_than_the_reference_is_a_benchmark_finding_not_a_budget_failure()
    {
        var verdict = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 4.5, 5.5), Reference = Series.Between(100, 2.5, 3.5) });

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
    }
}
