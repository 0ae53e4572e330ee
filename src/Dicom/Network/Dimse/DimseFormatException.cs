namespace Conformance.Dicom.Network.Dimse;

/// <summary>A command set that cannot be decoded or lacks a required element.</summary>
public sealed class DimseFormatException : Exception
{
    public DimseFormatException()
    {
    }

    public DimseFormatException(string message)
        : base(message)
    {
    }

    public DimseFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
