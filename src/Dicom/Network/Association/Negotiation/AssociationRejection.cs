using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association.Negotiation;

/// <summary>Result, source and reason of an A-ASSOCIATE-RJ (PS3.8 table 9-21), with the standard's named cases.</summary>
public sealed record AssociationRejection(AssociateRejectResult Result, AssociateRejectSource Source, byte Reason)
{
    public static AssociationRejection NoReasonGiven { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 1);

    public static AssociationRejection ApplicationContextNotSupported { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 2);

    public static AssociationRejection CallingAeNotRecognized { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 3);

    public static AssociationRejection CalledAeNotRecognized { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceUser, 7);

    /// <summary>
    /// A user identity that is missing where one is required, or not accepted: rejected-permanent, source "DICOM UL
    /// service-provider (ACSE related function)", no reason given (PS3.7 D.3.3.7: authorization failures carry the ACSE
    /// source; PS3.8 table 9-21 has no reason code of its own for them).
    /// </summary>
    public static AssociationRejection UserIdentityNotAccepted { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 1);

    public static AssociationRejection ProtocolVersionNotSupported { get; } = new(AssociateRejectResult.RejectedPermanent, AssociateRejectSource.ServiceProviderAcse, 2);

    public static AssociationRejection TemporaryCongestion { get; } = new(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 1);

    public static AssociationRejection LocalLimitExceeded { get; } = new(AssociateRejectResult.RejectedTransient, AssociateRejectSource.ServiceProviderPresentation, 2);

    public string ReasonText => (Source, Reason) switch
    {
        (AssociateRejectSource.ServiceUser, 1) => "no reason given",
        (AssociateRejectSource.ServiceUser, 2) => "application context name not supported",
        (AssociateRejectSource.ServiceUser, 3) => "calling AE title not recognized",
        (AssociateRejectSource.ServiceUser, 7) => "called AE title not recognized",
        (AssociateRejectSource.ServiceProviderAcse, 1) => "no reason given",
        (AssociateRejectSource.ServiceProviderAcse, 2) => "protocol version not supported",
        (AssociateRejectSource.ServiceProviderPresentation, 1) => "temporary congestion",
        (AssociateRejectSource.ServiceProviderPresentation, 2) => "local limit exceeded",
        _ => $"reason {Reason} (reserved)",
    };

    internal AssociateRejectPdu ToPdu() => new(Result, Source, Reason);

    internal static AssociationRejection FromPdu(AssociateRejectPdu pdu) => new(pdu.Result, pdu.Source, pdu.Reason);

    public override string ToString() => $"{Result}, source {Source}: {ReasonText}";
}
