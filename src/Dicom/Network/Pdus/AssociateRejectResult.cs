namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ASSOCIATE-RJ result field (PS3.8 table 9-21).</summary>
public enum AssociateRejectResult : byte
{
    RejectedPermanent = 1,
    RejectedTransient = 2,
}
