namespace Conformance.Dicom.Network.Pdus;

/// <summary>A-ABORT reason/diag field (PS3.8 table 9-26); meaningful when the source is the service provider.</summary>
public enum AbortReason : byte
{
    NotSpecified = 0,
    UnrecognizedPdu = 1,
    UnexpectedPdu = 2,
    UnrecognizedPduParameter = 4,
    UnexpectedPduParameter = 5,
    InvalidPduParameterValue = 6,
}
