using Conformance.Budgets;

namespace Conformance.Unit.Tests.Budgets;

/// <summary>fail against peer-defect: the same stall with the reference SUT, or a capture that shows the peer holding its writes.</summary>
public class AttributionTests
{
    private static readonly List<TimeSpan> Reference = Series.Between(100, 2, 4, seed: 8);

    private static BudgetVerdict Stalled(WireSide holder = WireSide.Unknown) => OperationBudget.Evaluate(new BudgetInput
    {
        Operations = Series.Between(100, 44, 48),
        Reference = Reference,
        Gaps = holder == WireSide.Unknown ? null : [.. Enumerable.Repeat(new WireGap(TimeSpan.FromMilliseconds(41), holder), 100)],
    });

    private static BudgetVerdict Healthy() => OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(100, 2, 4), Reference = Reference });

    [Test]
    public void The_same_stall_with_the_reference_sut_against_the_same_peer_is_a_peer_defect()
    {
        var attributed = OperationBudget.Attribute(Stalled(), Stalled());

        attributed.Outcome.Should().Be(BudgetAttribution.PeerDefect);
        attributed.Message.Should().StartWith("peer-defect: the reference SUT shows the same Nagle/delayed-ACK against this peer (100 of 100)");
    }

    [Test]
    public void A_stall_the_reference_sut_does_not_show_is_ours()
    {
        OperationBudget.Attribute(Stalled(), Healthy()).Outcome.Should().Be(BudgetAttribution.Fail);
        OperationBudget.Attribute(Stalled(), null).Outcome.Should().Be(BudgetAttribution.Fail, "without the reference SUT's run nothing excuses it");
    }

    [Test]
    public void A_capture_where_only_the_peer_held_its_writes_is_a_peer_defect_and_ours_is_a_fail()
    {
        OperationBudget.Attribute(Stalled(WireSide.Peer), null).Outcome.Should().Be(BudgetAttribution.PeerDefect);
        OperationBudget.Attribute(Stalled(WireSide.Sut), null).Outcome.Should().Be(BudgetAttribution.Fail);
        OperationBudget.Attribute(Stalled(WireSide.Both), null).Outcome.Should().Be(BudgetAttribution.Fail);
    }

    [Test]
    public void A_different_stall_with_the_reference_sut_does_not_excuse_ours()
    {
        var persist = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(30, 800, 900), Reference = Reference });

        OperationBudget.Attribute(Stalled(), persist).Outcome.Should().Be(BudgetAttribution.Fail);
    }

    [Test]
    public void Passing_and_unjudged_cells_keep_their_verdict()
    {
        OperationBudget.Attribute(Healthy(), Stalled()).Outcome.Should().Be(BudgetAttribution.Pass);
        var few = OperationBudget.Evaluate(new BudgetInput { Operations = Series.Between(5, 44, 48) });
        OperationBudget.Attribute(few, null).Outcome.Should().Be(BudgetAttribution.NoVerdict);
    }
}
