using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>A timer ended the association; the message names the timer, the state and the peer.</summary>
public sealed class AssociationTimeoutException : AssociationAbortedException
{
    public AssociationTimeoutException(AssociationTimer timer, TimeSpan timeout, AssociationState state, string peerAe, string waitingFor)
        : base(AbortSource.ServiceUser, AbortReason.NotSpecified, false, state, peerAe, $"{timer} timer fired after {timeout.TotalSeconds:0.###} s waiting for {waitingFor}")
    {
        Timer = timer;
        Timeout = timeout;
    }

    public AssociationTimeoutException()
    {
    }

    public AssociationTimeoutException(string message)
        : base(message)
    {
    }

    public AssociationTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AssociationTimer Timer { get; }

    public TimeSpan Timeout { get; }
}
