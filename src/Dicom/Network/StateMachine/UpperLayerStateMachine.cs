namespace Conformance.Dicom.Network.StateMachine;

/// <summary>
/// The state of one association's protocol machine. Pure: it performs no I/O and calls nobody;
/// the owner performs the returned action's effects after the state has moved.
/// </summary>
public sealed class UpperLayerStateMachine
{
    public UpperLayerStateMachine(bool isRequestor, AssociationState initial = AssociationState.Sta1)
    {
        IsRequestor = isRequestor;
        State = initial;
    }

    public bool IsRequestor { get; }

    public AssociationState State { get; private set; }

    /// <summary>Applies an event; false (state unchanged) when the table has no entry, a protocol error.</summary>
    public bool TryFire(UlEvent evt, out Transition transition, bool acceptableToProvider = true)
    {
        var from = State;
        if (!TransitionTable.TryGetAction(from, evt, out var action))
        {
            transition = new Transition(from, evt, default, from);
            return false;
        }

        State = TransitionTable.NextState(action, acceptableToProvider, IsRequestor);
        transition = new Transition(from, evt, action, State);
        return true;
    }

    /// <summary>Forces a state after a local failure (e.g. the transport broke while sending).</summary>
    public void Reset(AssociationState state) => State = state;
}
