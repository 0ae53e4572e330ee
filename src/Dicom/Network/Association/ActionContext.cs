using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// What one action of the protocol machine works with: the association (its state and I/O), the
/// transition just made, the event's data, and whether the driver already holds the socket lock
/// (local events), in which case the action writes without taking it again.
/// </summary>
internal readonly record struct ActionContext(DicomAssociation Association, Transition Transition, UlEventData Data, bool SocketHeld, CancellationToken Cancellation)
{
    /// <summary>An action that raises no follow-up event.</summary>
    public static ValueTask<UlEventData?> NoFollowUp => ValueTask.FromResult<UlEventData?>(null);

    public string PeerAe => Association.PeerAe;

    public ValueTask SendAsync(Pdus.IPdu pdu) => Association.SendPduAsync(pdu, SocketHeld);
}

/// <summary>One PS3.8 action (tables 9-6 to 9-9); returns the follow-up event it raises, if any.</summary>
internal delegate ValueTask<UlEventData?> UlActionHandler(ActionContext context);
