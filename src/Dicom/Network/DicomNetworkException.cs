namespace Conformance.Dicom.Network;

/// <summary>Base of every failure raised by the DICOM network stack.</summary>
public class DicomNetworkException : Exception
{
    public DicomNetworkException()
    {
    }

    public DicomNetworkException(string message)
        : base(message)
    {
    }

    public DicomNetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
