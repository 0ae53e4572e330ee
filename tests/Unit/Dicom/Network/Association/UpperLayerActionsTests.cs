using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Verification;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Unit.Tests.Dicom.Network.Association;

/// <summary>The dispatch from PS3.8 actions to their functions: complete, and loud where it cannot be.</summary>
public class UpperLayerActionsTests
{
    [Test]
    public void Every_action_in_the_transition_table_has_a_handler()
    {
        var actions = TransitionTable.Entries.Values.Distinct().ToList();

        actions.Should().BeEquivalentTo(Enum.GetValues<UlAction>(), "the table uses every action of tables 9-6 to 9-9");
        foreach (var action in actions)
        {
            UpperLayerActions.For(action).Should().NotBeNull($"{action} needs a function");
        }
    }

    [Test]
    public void A_value_that_is_no_PS3_8_action_is_a_loud_error()
    {
        var dispatch = () => UpperLayerActions.For((UlAction)99);

        dispatch.Should().Throw<InvalidOperationException>().WithMessage("*99*");
    }

    [Test]
    public async Task Sending_goes_through_the_table_as_event_9_DT1()
    {
        await using var h = await RequestorHarness.StartAsync();
        var association = await h.EstablishAsync();

        await association.SendAsync(1, EchoCommandSet.Request(1), null, CancellationToken.None);

        h.Monitor.Path.Should().Contain("Sta6 + Evt9 -> DT1 -> Sta6");
    }
}
