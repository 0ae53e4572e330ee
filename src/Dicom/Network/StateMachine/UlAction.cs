namespace Conformance.Dicom.Network.StateMachine;

/// <summary>Actions of the DICOM upper layer protocol machine (PS3.8 tables 9-6 to 9-9).</summary>
public enum UlAction
{
    /// <summary>Issue TRANSPORT CONNECT request; next Sta4.</summary>
    AE1 = 1,

    /// <summary>Send A-ASSOCIATE-RQ PDU; next Sta5.</summary>
    AE2,

    /// <summary>Issue A-ASSOCIATE confirmation (accept); next Sta6.</summary>
    AE3,

    /// <summary>Issue A-ASSOCIATE confirmation (reject) and close transport; next Sta1.</summary>
    AE4,

    /// <summary>Issue transport connection response, start ARTIM; next Sta2.</summary>
    AE5,

    /// <summary>Stop ARTIM; if the request is acceptable to the provider issue A-ASSOCIATE indication (Sta3), otherwise send A-ASSOCIATE-RJ and start ARTIM (Sta13).</summary>
    AE6,

    /// <summary>Send A-ASSOCIATE-AC PDU; next Sta6.</summary>
    AE7,

    /// <summary>Send A-ASSOCIATE-RJ PDU and start ARTIM; next Sta13.</summary>
    AE8,

    /// <summary>Send P-DATA-TF PDU; next Sta6.</summary>
    DT1,

    /// <summary>Issue P-DATA indication; next Sta6.</summary>
    DT2,

    /// <summary>Send A-RELEASE-RQ PDU; next Sta7.</summary>
    AR1,

    /// <summary>Issue A-RELEASE indication; next Sta8.</summary>
    AR2,

    /// <summary>Issue A-RELEASE confirmation and close transport; next Sta1.</summary>
    AR3,

    /// <summary>Send A-RELEASE-RP PDU and start ARTIM; next Sta13.</summary>
    AR4,

    /// <summary>Stop ARTIM; next Sta1.</summary>
    AR5,

    /// <summary>Issue P-DATA indication; next Sta7.</summary>
    AR6,

    /// <summary>Send P-DATA-TF PDU; next Sta8.</summary>
    AR7,

    /// <summary>Issue A-RELEASE indication (release collision); requestor next Sta9, acceptor next Sta10.</summary>
    AR8,

    /// <summary>Send A-RELEASE-RP PDU; next Sta11.</summary>
    AR9,

    /// <summary>Issue A-RELEASE confirmation; next Sta12.</summary>
    AR10,

    /// <summary>Send A-ABORT PDU (service-user source), start or restart ARTIM; next Sta13.</summary>
    AA1,

    /// <summary>Stop ARTIM if running, close transport; next Sta1.</summary>
    AA2,

    /// <summary>Issue A-ABORT (user-initiated) or A-P-ABORT (provider-initiated) indication, close transport; next Sta1.</summary>
    AA3,

    /// <summary>Issue A-P-ABORT indication; next Sta1.</summary>
    AA4,

    /// <summary>Stop ARTIM; next Sta1.</summary>
    AA5,

    /// <summary>Ignore PDU; next Sta13.</summary>
    AA6,

    /// <summary>Send A-ABORT PDU; next Sta13.</summary>
    AA7,

    /// <summary>Send A-ABORT PDU (service-provider source), issue A-P-ABORT indication, start ARTIM; next Sta13.</summary>
    AA8,
}
