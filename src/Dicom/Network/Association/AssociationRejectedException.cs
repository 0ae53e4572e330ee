using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>The peer answered A-ASSOCIATE-RQ with A-ASSOCIATE-RJ.</summary>
public sealed class AssociationRejectedException : DicomNetworkException
{
    public AssociationRejectedException(AssociationRejection rejection, string calledAe)
        : base($"Association rejected by {calledAe}: {rejection}")
    {
        Rejection = rejection;
    }

    public AssociationRejectedException()
        : this(AssociationRejection.NoReasonGiven, "peer")
    {
    }

    public AssociationRejectedException(string message)
        : base(message)
    {
        Rejection = AssociationRejection.NoReasonGiven;
    }

    public AssociationRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Rejection = AssociationRejection.NoReasonGiven;
    }

    public AssociationRejection Rejection { get; }

    public AssociateRejectResult Result => Rejection.Result;

    /// <summary>Named so because <see cref="Exception.Source"/> is taken.</summary>
    public AssociateRejectSource RejectSource => Rejection.Source;

    public byte Reason => Rejection.Reason;
}
