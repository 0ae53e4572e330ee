namespace Conformance.Dicom.Data;

/// <summary>A value is missing or cannot be converted as asked (e.g. GetUInt16 on a PN element).</summary>
public sealed class DicomDataException : Exception
{
    public DicomDataException()
    {
    }

    public DicomDataException(string message)
        : base(message)
    {
    }

    public DicomDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
