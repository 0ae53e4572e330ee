using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

/// <summary>The host-lookup rule on association set-ups and the slowness rule on the total.</summary>
public class SetupAndSlownessTests
{
    [Test]
    public void Slow_set_ups_with_normal_operations_are_a_host_lookup()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(20, 0.4, 0.9),
            Reference = Series.Between(20, 0.4, 0.8, seed: 3),
            AssociationSetups = Series.Between(20, 5004, 5012),
            ReferenceAssociationSetups = Series.Between(20, 1.0, 1.6),
            OperationName = "C-ECHO",
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.HostLookup);
        verdict.StalledOperations.Should().Be(20);
        verdict.Message.Should().StartWith("host-name lookup: association set-up +5.0 s on 20 of 20 associations");
    }

    [Test]
    public void A_host_lookup_names_the_verdict_over_a_noisy_tail_the_wire_does_not_back()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(20, 5, 30).Stall(i => i % 3 == 0, 60),
            Reference = Series.Between(100, 2, 8),
            AssociationSetups = Series.Between(20, 5004, 5012),
            ReferenceAssociationSetups = Series.Ms(11),
            Gaps = [],
            ReferenceGaps = [],
        };

        var verdict = OperationBudget.Evaluate(input);

        verdict.Signature.Should().Be(StallSignature.HostLookup);
        verdict.NeedsConfirmation.Should().BeFalse("the set-ups on the wire are the evidence");
        verdict.Message.Should().StartWith("host-name lookup: association set-up +5.0 s on 20 of 20").And.Contain("unclassified stall");
    }

    [Test]
    public void Set_ups_are_compared_with_the_link_round_trip_when_the_reference_has_none()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(20, 0.4, 0.9),
            AssociationSetups = Series.Between(20, 2, 40),
            LinkRoundTrip = TimeSpan.FromMilliseconds(0.3),
        };

        OperationBudget.Evaluate(input).Kind.Should().Be(BudgetVerdictKind.Pass, "tens of ms of set-up are no resolver timeout");
    }

    [Test]
    public void A_set_up_of_up_to_a_second_is_an_accept_poll_not_a_lookup()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(100, 2, 4),
            AssociationSetups = Series.Ms(1001),
            ReferenceAssociationSetups = Series.Ms(8.5),
        };

        OperationBudget.Evaluate(input).Kind.Should().Be(BudgetVerdictKind.Pass, "movescu's storage SCP polls for connections every second");
    }

    [Test]
    public void One_slow_association_of_three_is_not_yet_a_lookup_on_every_association()
    {
        var input = new BudgetInput
        {
            Operations = Series.Between(30, 2, 3),
            AssociationSetups = Series.Ms(6000, 2, 3),
            ReferenceAssociationSetups = Series.Ms(2, 2, 2),
        };

        OperationBudget.Evaluate(input).Kind.Should().Be(BudgetVerdictKind.Pass);
    }

    [Test]
    public void Every_operation_slower_by_less_than_a_stall_is_caught_as_plain_slowness()
    {
        var verdict = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 16, 20), Reference = Series.Between(100, 2, 3) });

        verdict.Kind.Should().Be(BudgetVerdictKind.Fail);
        verdict.Signature.Should().Be(StallSignature.Slow);
        verdict.StalledOperations.Should().Be(0, "no single operation crosses the stall line");
        verdict.Message.Should().StartWith("slow against the reference: total 1.7").And.Contain("x), +15");
    }

    [Test]
    public void Signatures_have_a_description_for_messages_and_a_key_for_the_results_row()
    {
        StallSignature.NagleDelayedAck.Key().Should().Be("nagle-delayed-ack");
        StallSignature.PersistTimer.Describe().Should().Be("persist timer");
        StallSignature.None.Key().Should().BeNull();
    }
}
