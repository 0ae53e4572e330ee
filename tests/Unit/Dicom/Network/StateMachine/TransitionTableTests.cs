using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Unit.Tests.Dicom.Network.StateMachine;

/// <summary>
/// PS3.8 table 9-10 retyped here row by row (event by event, state by state), independently of how
/// the library builds it, and compared entry by entry; every pair absent here must be absent there.
/// </summary>
public class TransitionTableTests
{
    // Columns: Sta1..Sta13; "" = no entry.
    private static readonly Dictionary<UlEvent, string[]> Standard = new()
    {
        [UlEvent.Evt1] = ["AE1", "", "", "", "", "", "", "", "", "", "", "", ""],
        [UlEvent.Evt2] = ["", "", "", "AE2", "", "", "", "", "", "", "", "", ""],
        [UlEvent.Evt3] = ["", "AA1", "AA8", "", "AE3", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA6"],
        [UlEvent.Evt4] = ["", "AA1", "AA8", "", "AE4", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA6"],
        [UlEvent.Evt5] = ["AE5", "", "", "", "", "", "", "", "", "", "", "", ""],
        [UlEvent.Evt6] = ["", "AE6", "AA8", "", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA7"],
        [UlEvent.Evt7] = ["", "", "AE7", "", "", "", "", "", "", "", "", "", ""],
        [UlEvent.Evt8] = ["", "", "AE8", "", "", "", "", "", "", "", "", "", ""],
        [UlEvent.Evt9] = ["", "", "", "", "", "DT1", "", "AR7", "", "", "", "", ""],
        [UlEvent.Evt10] = ["", "AA1", "AA8", "", "AA8", "DT2", "AR6", "AA8", "AA8", "AA8", "AA8", "AA8", "AA6"],
        [UlEvent.Evt11] = ["", "", "", "", "", "AR1", "", "", "", "", "", "", ""],
        [UlEvent.Evt12] = ["", "AA1", "AA8", "", "AA8", "AR2", "AR8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA6"],
        [UlEvent.Evt13] = ["", "AA1", "AA8", "", "AA8", "AA8", "AR3", "AA8", "AA8", "AR10", "AR3", "AA8", "AA6"],
        [UlEvent.Evt14] = ["", "", "", "", "", "", "", "AR4", "AR9", "", "", "AR4", ""],
        [UlEvent.Evt15] = ["", "", "AA1", "AA2", "AA1", "AA1", "AA1", "AA1", "AA1", "AA1", "AA1", "AA1", ""],
        [UlEvent.Evt16] = ["", "AA2", "AA3", "", "AA3", "AA3", "AA3", "AA3", "AA3", "AA3", "AA3", "AA3", "AA2"],
        [UlEvent.Evt17] = ["", "AA5", "AA4", "AA4", "AA4", "AA4", "AA4", "AA4", "AA4", "AA4", "AA4", "AA4", "AR5"],
        [UlEvent.Evt18] = ["", "AA2", "", "", "", "", "", "", "", "", "", "", "AA2"],
        [UlEvent.Evt19] = ["", "AA1", "AA8", "", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA8", "AA7"],
    };

    private static IEnumerable<TestCaseData> AllPairs() =>
        from evt in Enum.GetValues<UlEvent>()
        from state in Enum.GetValues<AssociationState>()
        select new TestCaseData(evt, state).SetName($"{evt} in {state} is {Expected(evt, state) ?? "a protocol error"}");

    [TestCaseSource(nameof(AllPairs))]
    public void Entry_matches_the_standard(UlEvent evt, AssociationState state)
    {
        var expected = Expected(evt, state);

        var found = TransitionTable.TryGetAction(state, evt, out var action);

        if (expected is null)
        {
            found.Should().BeFalse();
        }
        else
        {
            found.Should().BeTrue();
            action.ToString().Should().Be(expected);
        }
    }

    [Test]
    public void The_table_has_exactly_the_standard_entries()
    {
        TransitionTable.Entries.Count.Should().Be(Standard.Values.Sum(row => row.Count(a => a.Length > 0)));
    }

    [TestCase(UlAction.AE6, true, false, AssociationState.Sta3)]
    [TestCase(UlAction.AE6, false, false, AssociationState.Sta13)]
    [TestCase(UlAction.AR8, true, true, AssociationState.Sta9)]
    [TestCase(UlAction.AR8, true, false, AssociationState.Sta10)]
    [TestCase(UlAction.AR10, true, false, AssociationState.Sta12)]
    [TestCase(UlAction.AA8, true, false, AssociationState.Sta13)]
    [TestCase(UlAction.AR5, true, false, AssociationState.Sta1)]
    public void Conditional_and_terminal_actions_lead_where_the_standard_says(UlAction action, bool acceptable, bool requestor, AssociationState next)
    {
        TransitionTable.NextState(action, acceptable, requestor).Should().Be(next);
    }

    [Test]
    public void The_machine_leaves_its_state_unchanged_on_an_event_without_entry()
    {
        var machine = new UpperLayerStateMachine(isRequestor: true, AssociationState.Sta7);

        machine.TryFire(UlEvent.Evt9, out _).Should().BeFalse();
        machine.State.Should().Be(AssociationState.Sta7);
    }

    [Test]
    public void A_release_collision_walks_Sta7_Sta9_Sta11_Sta1_for_the_requestor()
    {
        var machine = new UpperLayerStateMachine(isRequestor: true, AssociationState.Sta6);
        var path = new List<AssociationState>();
        foreach (var evt in new[] { UlEvent.Evt11, UlEvent.Evt12, UlEvent.Evt14, UlEvent.Evt13 })
        {
            machine.TryFire(evt, out var t).Should().BeTrue();
            path.Add(t.To);
        }

        path.Should().Equal(AssociationState.Sta7, AssociationState.Sta9, AssociationState.Sta11, AssociationState.Sta1);
    }

    private static string? Expected(UlEvent evt, AssociationState state)
    {
        var cell = Standard[evt][(int)state - 1];
        return cell.Length == 0 ? null : cell;
    }
}
