namespace Conformance.Dicom.Network.Pdus;

/// <summary>
/// A received PDU or item that violates PS3.8 section 9.3; the association answers it with
/// A-ABORT (event 19), carrying <see cref="AbortReason"/>.
/// </summary>
public sealed class PduFormatException : DicomNetworkException
{
    public PduFormatException(string message, int offset, AbortReason abortReason = AbortReason.InvalidPduParameterValue)
        : base($"{message} (at byte {offset} of the PDU)")
    {
        Offset = offset;
        AbortReason = abortReason;
    }

    public PduFormatException()
    {
    }

    public PduFormatException(string message)
        : base(message)
    {
    }

    public PduFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Offset from the start of the PDU (header included) where the problem was found.</summary>
    public int Offset { get; }

    public AbortReason AbortReason { get; } = AbortReason.InvalidPduParameterValue;
}
