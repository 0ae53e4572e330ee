using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

/// <summary>The tail rule and the stall signatures on synthetic series shaped like the measured pathologies.</summary>
public class OperationBudgetTests
{
    private static readonly List<TimeSpan> Reference = Series.Between(100, 1.9, 4.0, seed: 7);

    private static BudgetInput Judged(List<TimeSpan> operations) => new()
    {
        Operations = operations,
        Reference = Reference,
        ReferenceLabel = "dcmtk-nodelay@same-host",
        LinkRoundTrip = TimeSpan.FromMilliseconds(0.25),
        LinkThroughputMbit = 10_000,
        BytesPerOperation = 525_000,
        OperationName = "C-STORE",
        Evidence = ["evidence/canary.pcap", "evidence/canary.peer.log"],
    };

    [Test]
    public void Fewer_operations_than_the_minimum_get_no_verdict_but_keep_their_latencies()
    {
        var verdict = OperationBudget.Evaluate(Judged(Series.Between(OperationBudget.MinimumOperations - 1, 44, 46)));

        verdict.Kind.Should().Be(BudgetVerdictKind.NoVerdict);
        verdict.Latency!.Count.Should().Be(OperationBudget.MinimumOperations - 1);
        verdict.Message.Should().Contain($"a verdict needs {OperationBudget.MinimumOperations}").And.Contain("no verdict");
    }

    [Test]
    public void Dcmtk_defaults_stalling_every_image_fail_as_nagle_with_count_range_and_evidence()
    {
        var verdict = OperationBudget.Evaluate(Judged(Series.Between(100, 44, 48)));

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck);
        verdict.StalledOperations.Should().Be(100);
        verdict.Message.Should().StartWith("Nagle/delayed-ACK: 100 of 100 C-STORE 4").And.Contain("ms over the reference");
        verdict.Message.Should().Contain("dcmtk-nodelay@same-host p50").And.Contain("evidence: evidence/canary.pcap, evidence/canary.peer.log");
    }

    [Test]
    public void A_stall_on_one_image_in_three_fails_although_the_median_is_healthy()
    {
        var operations = Series.Between(100, 1.9, 4.0, seed: 3).Stall(i => i % 3 == 2, 42);

        var verdict = OperationBudget.Evaluate(Judged(operations));

        verdict.Latency!.P50.Should().BeLessThan(TimeSpan.FromMilliseconds(5), "the median alone would call this healthy");
        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.NagleDelayedAck);
        verdict.StalledOperations.Should().Be(33);
        verdict.Message.Should().StartWith("Nagle/delayed-ACK: 33 of 100 C-STORE");
    }

    [Test]
    public void The_mirror_stall_of_two_delayed_acks_per_image_is_still_nagle()
    {
        OperationBudget.Evaluate(Judged(Series.Between(100, 84, 92))).Signature.Should().Be(StallSignature.NagleDelayedAck);
    }

    [Test]
    public void Persist_timer_waits_of_a_second_per_image_are_named_persist_timer()
    {
        var verdict = OperationBudget.Evaluate(Judged(Series.Between(30, 800, 1700)));

        verdict.Signature.Should().Be(StallSignature.PersistTimer);
        verdict.Message.Should().StartWith("persist timer: 30 of 30 C-STORE");
    }

    [Test]
    public void Wire_gaps_name_the_timer_when_the_capture_has_them_and_say_whose_writes_waited()
    {
        var gaps = Enumerable.Range(0, 40).Select(i => new WireGap(TimeSpan.FromMilliseconds(204 + (i % 5)), WireSide.Sut)).ToList();

        var verdict = OperationBudget.Evaluate(Judged(Series.Between(30, 120, 160)) with { Gaps = gaps });

        verdict.Signature.Should().Be(StallSignature.PersistTimer, "the gaps' period decides over the per-operation excess");
        verdict.Message.Should().Contain("wire: 40 timer gaps of about 206 ms, held by the system under test");
        verdict.StallHolder.Should().Be(WireSide.Sut);
        verdict.NeedsConfirmation.Should().BeFalse("the wire shows the timer itself");
    }

    [Test]
    public void Stalls_just_over_the_margin_at_no_timer_period_are_unclassified()
    {
        OperationBudget.Evaluate(Judged(Series.Between(100, 29, 31))).Signature.Should().Be(StallSignature.Unclassified);
    }

    [Test]
    public void Healthy_operations_pass_and_report_their_margins()
    {
        var verdict = OperationBudget.Evaluate(Judged(Series.Between(100, 1.5, 3.5, seed: 11)));

        verdict.Kind.Should().Be(BudgetVerdictKind.Pass);
        verdict.Signature.Should().Be(StallSignature.None);
        verdict.Message.Should().StartWith("within budget: 0 of 100 C-STORE over the stall line");
        verdict.Margins!.StalledLimit.Should().Be(15);
        verdict.Margins.StalledOverReference.Should().Be(0);
        verdict.Margins.TotalRatio.Should().BeApproximately(0.85, 0.1);
    }
}
