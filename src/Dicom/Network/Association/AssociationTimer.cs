namespace Conformance.Dicom.Network.Association;

/// <summary>The timers that end an association.</summary>
public enum AssociationTimer
{
    /// <summary>TCP connection establishment.</summary>
    Connection,

    /// <summary>PS3.8 ARTIM, also bounding the waits for A-ASSOCIATE-AC/RJ and A-RELEASE-RP.</summary>
    Artim,

    /// <summary>Wait for a DIMSE message (a response), per message.</summary>
    Dimse,

    /// <summary>No PDU in either direction on an established association.</summary>
    Idle,

    /// <summary>A PDU begun but not completed in time (<see cref="Transport.ConnectionOptions.PduReadTimeout"/>).</summary>
    PduCompletion,
}
