using Conformance.Budgets;
using Conformance.Harness.Scenarios.Seed2016;
using Conformance.Unit.Tests.Budgets;

namespace Conformance.Unit.Tests.Harness.Scenarios.Seed2016;

/// <summary>
/// Who is at fault in the 2016 scenario's rows moved into a peer tool's storage SCP: judged also against the
/// reference SUT's exchange with the same peer (dcmqrscp with the fix), so a slow receiver is the peer's.
/// </summary>
public class Seed2016AttributionTests
{
    private const string Topology = "same-host";
    private static readonly List<TimeSpan> ReferencePair = Series.Between(100, 2, 4, seed: 8);

    /// <summary>A verdict against the storescu -> storescp reference pair, from a capture without timer gaps unless given.</summary>
    private static BudgetVerdict Judged(List<TimeSpan> operations, IReadOnlyList<WireGap>? gaps = null) =>
        OperationBudget.Evaluate(new BudgetInput { Operations = operations, Reference = ReferencePair, Gaps = gaps ?? [] });

    private static BudgetVerdict Healthy() => Judged(Series.Between(100, 2, 4));

    /// <summary>12-16 ms per image against 2-4 ms: the slowness rule alone (what gdcmscu's storage SCP costs).</summary>
    private static BudgetVerdict Slow() => Judged(Series.Between(100, 14, 18));

    private static Seed2016Row Row(FixSetting setting, MoveScuKind scu, MoveScpKind scp, BudgetVerdict verdict, string topology = Topology) =>
        new(topology, setting, $"{scu} <- {scp}", 100, null, verdict, null) { Scu = scu, Scp = scp };

    private static IReadOnlyList<Seed2016Row> Apply(BudgetVerdictKind paced, params Seed2016Row[] rows) =>
        Seed2016Attribution.Apply(rows, (_, _) => paced == BudgetVerdictKind.Pass ? Healthy() : Slow());

    private static IReadOnlyList<Seed2016Row> ApplyJudgingSendersPart(BudgetVerdictKind paced, BudgetVerdictKind? sendersPart, params Seed2016Row[] rows) =>
        Seed2016Attribution.Apply(
            rows,
            (_, _) => paced == BudgetVerdictKind.Pass ? Healthy() : Slow(),
            (_, _) => sendersPart switch { BudgetVerdictKind.Pass => Healthy(), null => null, _ => Slow() });

    [Test]
    public void Slower_than_the_reference_sut_but_only_in_the_receivers_turn_is_the_peers()
    {
        var ours = Row(FixSetting.WithoutFixNagle, MoveScuKind.Gdcmscu, MoveScpKind.Ours, Slow());
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        var attributed = ApplyJudgingSendersPart(BudgetVerdictKind.Fail, BudgetVerdictKind.Pass, ours, reference)[0];

        attributed.Outcome.Should().Be(BudgetAttribution.PeerDefect);
        attributed.Attribution!.Message.Should().StartWith("peer-defect: the time is the receiver's (the receiver's turn); the sender's part alone, against the reference SUT's with this peer (Gdcmscu <- Dcmqrscp, with-fix), within budget");
    }

    [Test]
    public void A_sender_slower_than_the_reference_sut_in_its_own_part_stays_a_failure()
    {
        var ours = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Ours, Slow());
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        ApplyJudgingSendersPart(BudgetVerdictKind.Fail, BudgetVerdictKind.Fail, ours, reference)[0].Outcome.Should().Be(BudgetAttribution.Fail);
        ApplyJudgingSendersPart(BudgetVerdictKind.Fail, null, ours, reference)[0].Outcome.Should().Be(BudgetAttribution.Fail, "a capture that cannot split its sub-operations excuses nothing");
    }

    [Test]
    public void The_senders_part_does_not_excuse_a_timer_stall()
    {
        var nagle = Series.Between(100, 44, 48);
        var heldBySender = Row(FixSetting.WithoutFixNagle, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Judged(nagle, [.. Enumerable.Repeat(new WireGap(TimeSpan.FromMilliseconds(41), WireSide.Sut), 100)]));
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        ApplyJudgingSendersPart(BudgetVerdictKind.Pass, BudgetVerdictKind.Pass, heldBySender, reference)[0].Outcome.Should().Be(BudgetAttribution.Fail);
    }

    [Test]
    public void A_slow_receiver_that_is_as_slow_with_the_reference_sut_is_the_peers()
    {
        var ours = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Ours, Slow());
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        var attributed = Apply(BudgetVerdictKind.Pass, ours, reference)[0];

        attributed.Outcome.Should().Be(BudgetAttribution.PeerDefect);
        attributed.Attribution!.Verdict.Signature.Should().Be(StallSignature.Slow, "the peer-defect keeps its signature");
        attributed.Attribution.Message.Should().StartWith("peer-defect: slow only against the reference pair; against the reference SUT's exchange with this peer (Gdcmscu <- Dcmqrscp, with-fix)");
    }

    [Test]
    public void Slower_than_the_reference_sut_against_the_same_peer_stays_a_failure()
    {
        var ours = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Ours, Slow());
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        var attributed = Apply(BudgetVerdictKind.Fail, ours, reference)[0];

        attributed.Outcome.Should().Be(BudgetAttribution.Fail);
        attributed.Attribution!.Message.Should().EndWith("also over budget against the reference SUT's exchange with this peer (Gdcmscu <- Dcmqrscp, with-fix)");
    }

    [Test]
    public void Without_the_reference_suts_row_a_slow_row_stays_a_failure()
    {
        var ours = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Ours, Slow());
        var elsewhere = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy(), topology: "bridged");
        var withoutFix = Row(FixSetting.WithoutFixNagle, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Healthy());

        Apply(BudgetVerdictKind.Pass, ours, elsewhere, withoutFix)[0].Outcome.Should().Be(BudgetAttribution.Fail, "only dcmqrscp with the fix on the same topology is the reference SUT");
    }

    [Test]
    public void The_reference_suts_own_slow_row_is_the_peers_pace()
    {
        var reference = Row(FixSetting.WithFix, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Slow());

        var attributed = Apply(BudgetVerdictKind.Fail, reference)[0];

        attributed.Outcome.Should().Be(BudgetAttribution.PeerDefect);
        attributed.Attribution!.Message.Should().StartWith("peer-defect: this is the reference SUT (dcmqrscp, TCP_NODELAY=1) against this peer");
    }

    [Test]
    public void A_timer_stall_held_by_the_sender_stays_a_failure_and_one_held_by_the_receiver_is_the_peers()
    {
        var nagle = Series.Between(100, 44, 48);
        var heldBySender = Row(FixSetting.WithoutFixNagle, MoveScuKind.Gdcmscu, MoveScpKind.Dcmqrscp, Judged(nagle, [.. Enumerable.Repeat(new WireGap(TimeSpan.FromMilliseconds(41), WireSide.Sut), 100)]));
        var heldByReceiver = Row(FixSetting.WithoutFixNagle, MoveScuKind.Movescu, MoveScpKind.Ours, Judged(nagle, [.. Enumerable.Repeat(new WireGap(TimeSpan.FromMilliseconds(41), WireSide.Peer), 100)]));
        var references = new[] { MoveScuKind.Gdcmscu, MoveScuKind.Movescu }.Select(scu => Row(FixSetting.WithFix, scu, MoveScpKind.Dcmqrscp, Healthy()));

        var rows = Apply(BudgetVerdictKind.Pass, [heldBySender, heldByReceiver, .. references]);

        rows[0].Outcome.Should().Be(BudgetAttribution.Fail, "the 2016 stall of DCMTK's defaults is shown, not excused by a pace rule");
        rows[0].Verdict!.Signature.Should().Be(StallSignature.NagleDelayedAck);
        rows[1].Outcome.Should().Be(BudgetAttribution.PeerDefect);
    }

    [Test]
    public void Rows_into_our_storage_scp_and_the_c_store_row_keep_their_verdict()
    {
        var intoOurs = Row(FixSetting.WithFix, MoveScuKind.Ours, MoveScpKind.Orthanc, Slow());
        var store = new Seed2016Row(Topology, FixSetting.WithFix, "storescu -> storescp", 100, null, Slow(), null);

        var rows = Apply(BudgetVerdictKind.Pass, intoOurs, store);

        rows.Should().OnlyContain(r => r.Attribution == null && r.Outcome == BudgetAttribution.Fail);
    }
}
