using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

/// <summary>
/// What the capture adds: timer gaps prove a stall that scheduling noise hides, and their absence marks a
/// latency-only failure as one to measure again before it counts.
/// </summary>
public class WireEvidenceTests
{
    private static readonly List<TimeSpan> NoisyReference = Series.Between(100, 2, 30, seed: 21);

    private static List<WireGap> Timers(int count, double ms, WireSide holder) =>
        [.. Enumerable.Range(0, count).Select(i => new WireGap(TimeSpan.FromMilliseconds(ms + (i % 4)), holder))];

    [Test]
    public void A_partial_stall_drowned_in_scheduling_noise_is_still_caught_by_its_timer_gaps()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 2, 30, seed: 22).Stall(i => i % 3 == 2, 41),
            Reference = NoisyReference,
            Gaps = [.. Timers(33, 41, WireSide.Sut), .. Timers(20, 25, WireSide.Unknown)],
            ReferenceGaps = Timers(15, 30, WireSide.Unknown),
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck);
        verdict.NeedsConfirmation.Should().BeFalse();
        verdict.Margins!.TimerGapsOverReference.Should().Be(33);
        verdict.Message.Should().Contain("wire: 33 timer gaps of about 42 ms, held by the system under test");
    }

    [Test]
    public void Latencies_over_the_line_with_a_capture_that_shows_no_timer_are_unclassified_and_need_a_second_measurement()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 2, 5).Stall(i => i % 2 == 0, 60),
            Reference = Series.Between(100, 2, 5, seed: 3),
            Gaps = Timers(50, 60, WireSide.Unknown),
            ReferenceGaps = [],
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.Unclassified, "no TCP timer held anything");
        verdict.NeedsConfirmation.Should().BeTrue();
        verdict.Message.Should().Contain("the capture shows 0 timer gaps, too few to explain it").And.Contain("needs a second measurement");
    }

    [Test]
    public void An_unconfirmed_failure_that_does_not_come_back_is_a_pass_that_says_so()
    {
        var noisy = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 16, 20), Reference = Series.Between(100, 2, 3) });
        var again = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 2, 3), Reference = Series.Between(100, 2, 3, seed: 4) });

        var verdict = OperationBudget.Confirm(noisy, again);

        noisy.NeedsConfirmation.Should().BeTrue("plain slowness has no physics behind it");
        verdict.Kind.Should().Be(BudgetVerdictKind.Pass);
        verdict.Message.Should().Contain("did not reproduce");
    }

    [Test]
    public void An_unconfirmed_failure_that_comes_back_stays_a_failure()
    {
        var first = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 16, 20), Reference = Series.Between(100, 2, 3) });
        var second = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 16, 21, seed: 5), Reference = Series.Between(100, 2, 3, seed: 6) });

        var verdict = OperationBudget.Confirm(first, second);

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.Slow);
        verdict.NeedsConfirmation.Should().BeFalse();
        verdict.Message.Should().Contain("reproduced by a second measurement");
    }

    [Test]
    public void A_confirmed_failure_is_not_measured_again()
    {
        var timer = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 44, 48), Reference = Series.Between(100, 2, 3), Gaps = Timers(100, 41, WireSide.Peer), ReferenceGaps = [] });

        OperationBudget.Confirm(timer, OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 2, 3) })).Should().BeSameAs(timer);
    }

    [Test]
    public void The_reference_pairs_own_timer_gaps_are_taken_away()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 2, 4),
            Reference = Series.Between(100, 2, 4, seed: 2),
            Gaps = Timers(12, 41, WireSide.Peer),
            ReferenceGaps = Timers(10, 41, WireSide.Peer),
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass, verdict.Message);
        verdict.Margins!.TimerGapsOverReference.Should().Be(2);
    }
}
