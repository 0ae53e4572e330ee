using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// Timing hook: told about every PDU and state transition with a <see cref="System.Diagnostics.Stopwatch"/>
/// timestamp. Called on the association's own tasks, never under a lock; keep it cheap.
/// </summary>
public interface IAssociationMonitor
{
    void PduSent(PduType type, int length, long timestamp);

    void PduReceived(PduType type, int length, long timestamp);

    void StateChanged(Transition transition, long timestamp);
}
