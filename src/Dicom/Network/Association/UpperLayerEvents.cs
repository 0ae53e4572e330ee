using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>An event of the PS3.8 protocol machine with what it carries (table 9-2); one type per event kind that carries data.</summary>
internal abstract record UlEventData(UlEvent Event)
{
    /// <summary>Events 1-2, 5, 7-9, 11, 14, 15: primitives of the local user or transport. They fire under the socket lock, so state order is wire order.</summary>
    public bool IsLocal => Event is UlEvent.Evt1 or UlEvent.Evt2 or UlEvent.Evt5 or UlEvent.Evt7 or UlEvent.Evt8 or UlEvent.Evt9 or UlEvent.Evt11 or UlEvent.Evt14 or UlEvent.Evt15;
}

/// <summary>An event that carries nothing (2, 5, 11, 12, 13, 14, 15, 18).</summary>
internal sealed record UlSignal(UlEvent Event) : UlEventData(Event)
{
    public static UlSignal TransportConnected { get; } = new(UlEvent.Evt2);

    public static UlSignal TransportIndication { get; } = new(UlEvent.Evt5);

    public static UlSignal ReleaseRequest { get; } = new(UlEvent.Evt11);

    public static UlSignal ReleaseRequestReceived { get; } = new(UlEvent.Evt12);

    public static UlSignal ReleaseResponseReceived { get; } = new(UlEvent.Evt13);

    public static UlSignal ReleaseResponse { get; } = new(UlEvent.Evt14);

    public static UlSignal AbortRequest { get; } = new(UlEvent.Evt15);

    public static UlSignal ArtimExpired { get; } = new(UlEvent.Evt18);
}

/// <summary>Event 1: A-ASSOCIATE request; AE-1 opens the transport to this address.</summary>
internal sealed record TransportConnectRequested(string Host, int Port) : UlEventData(UlEvent.Evt1);

/// <summary>Event 3: A-ASSOCIATE-AC received; <see cref="Negotiated"/> is what it means against our request (null on the acceptor side).</summary>
internal sealed record AssociateAcceptReceived(AssociateAcceptPdu Pdu, AssociationInfo? Negotiated) : UlEventData(UlEvent.Evt3);

/// <summary>Event 4: A-ASSOCIATE-RJ received.</summary>
internal sealed record AssociateRejectReceived(AssociationRejection Rejection) : UlEventData(UlEvent.Evt4);

/// <summary>Event 6: A-ASSOCIATE-RQ received.</summary>
internal sealed record AssociateRequestReceived(AssociateRequestPdu Pdu) : UlEventData(UlEvent.Evt6)
{
    /// <summary>PS3.8 9.3.2: bit 0 of the protocol version is version 1, the one we speak.</summary>
    public bool AcceptableToProvider => (Pdu.ProtocolVersion & 1) != 0;
}

/// <summary>Event 7: our policy accepts; the A-ASSOCIATE-AC to send and what it negotiates.</summary>
internal sealed record AssociateAcceptDecided(AssociateAcceptPdu Pdu, AssociationInfo Info) : UlEventData(UlEvent.Evt7);

/// <summary>Event 8: our policy rejects; <see cref="Why"/> is for the log (the wire carries only result, source and reason).</summary>
internal sealed record AssociateRejectDecided(AssociationRejection Rejection, string Why) : UlEventData(UlEvent.Evt8);

/// <summary>Event 9: P-DATA request: <see cref="PduCount"/> whole P-DATA-TF PDUs laid out in <see cref="Bytes"/>, written with one send (two when <see cref="SplitAt"/> &gt; 0).</summary>
internal sealed record DataRequested(ReadOnlyMemory<byte> Bytes, int PduCount, int SplitAt) : UlEventData(UlEvent.Evt9);

/// <summary>
/// Event 10: P-DATA-TF received. <see cref="Body"/> is a slice of the reader's buffer, valid until the next read;
/// a PDU too large to buffer (<see cref="IsStreamed"/>) has no body: its PDVs are read in slices as they are delivered.
/// </summary>
internal sealed record DataReceived(ReadOnlyMemory<byte> Body, bool IsStreamed) : UlEventData(UlEvent.Evt10);

/// <summary>Event 16: A-ABORT received.</summary>
internal sealed record AbortReceived(AbortPdu Pdu) : UlEventData(UlEvent.Evt16);

/// <summary>Event 17: the transport connection closed (or broke).</summary>
internal sealed record TransportClosed(string? Detail) : UlEventData(UlEvent.Evt17)
{
    public static TransportClosed ByPeer { get; } = new((string?)null);
}

/// <summary>Event 19: an unrecognised or invalid PDU; the A-ABORT carries <see cref="Reason"/>.</summary>
internal sealed record InvalidPduReceived(AbortReason Reason, string Detail) : UlEventData(UlEvent.Evt19);
