namespace Conformance.Dicom.Network.StateMachine;

/// <summary>One step of the protocol machine, as recorded for logs and tests.</summary>
public readonly record struct Transition(AssociationState From, UlEvent Event, UlAction Action, AssociationState To)
{
    public override string ToString() => $"{From} + {Event} -> {Action} -> {To}";
}
