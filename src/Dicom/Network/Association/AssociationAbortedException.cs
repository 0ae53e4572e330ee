using Conformance.Dicom.Network.Pdus;
using Conformance.Dicom.Network.StateMachine;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// The association ended abnormally: an A-ABORT from the peer (<see cref="ByPeer"/>), an A-ABORT we
/// sent after a protocol error, or a transport connection that closed or broke (A-P-ABORT).
/// </summary>
public class AssociationAbortedException : DicomNetworkException
{
    public AssociationAbortedException(AbortSource source, AbortReason reason, bool byPeer, AssociationState state, string peerAe, string detail, Exception? inner = null)
        : base($"Association with {peerAe} aborted in {state}: {detail} (source {source}, reason {reason})", inner ?? new InvalidOperationException(detail))
    {
        AbortSource = source;
        AbortReason = reason;
        ByPeer = byPeer;
        State = state;
        PeerAe = peerAe;
    }

    public AssociationAbortedException()
    {
    }

    public AssociationAbortedException(string message)
        : base(message)
    {
    }

    public AssociationAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Named so because <see cref="Exception.Source"/> is taken.</summary>
    public AbortSource AbortSource { get; }

    public AbortReason AbortReason { get; }

    /// <summary>True when the peer sent the A-ABORT or dropped the connection.</summary>
    public bool ByPeer { get; }

    /// <summary>The state the association was in when the abort happened.</summary>
    public AssociationState State { get; }

    public string PeerAe { get; } = string.Empty;
}
