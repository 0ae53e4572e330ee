using Conformance.Dicom.Network.StateMachine;
using StateMachineEvent = Conformance.Dicom.Network.StateMachine.UlEvent;

namespace Conformance.Dicom.Network.Association;

/// <summary>A local primitive that the state table does not allow in the current state (e.g. sending after release).</summary>
public sealed class AssociationStateException : DicomNetworkException
{
    public AssociationStateException(AssociationState state, StateMachineEvent evt, string peerAe)
        : base($"{evt} is not allowed in {state} (association with {peerAe})")
    {
        State = state;
        Event = evt;
    }

    public AssociationStateException()
    {
    }

    public AssociationStateException(string message)
        : base(message)
    {
    }

    public AssociationStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AssociationState State { get; }

    public StateMachineEvent Event { get; }
}
