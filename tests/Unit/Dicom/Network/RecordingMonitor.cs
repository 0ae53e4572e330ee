using System.Collections.Concurrent;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network;

/// <summary>Records what an association reports, to assert state-table paths and PDU sizes.</summary>
internal sealed class RecordingMonitor : IAssociationMonitor
{
    public ConcurrentQueue<Transition> Transitions { get; } = new();

    public ConcurrentQueue<(PduType Type, int Length)> Received { get; } = new();

    public ConcurrentQueue<(PduType Type, int Length)> Sent { get; } = new();

    public IEnumerable<string> Path => Transitions.Select(t => t.ToString());

    public void PduSent(PduType type, int length, long timestamp) => Sent.Enqueue((type, length));

    public void PduReceived(PduType type, int length, long timestamp) => Received.Enqueue((type, length));

    public void StateChanged(Transition transition, long timestamp) => Transitions.Enqueue(transition);
}
