namespace Conformance.Dicom.Network.Services;

/// <summary>No accepted presentation context can carry an object or an operation.</summary>
public sealed class NoAcceptedContextException : Exception
{
    public NoAcceptedContextException()
    {
    }

    public NoAcceptedContextException(string message)
        : base(message)
    {
    }

    public NoAcceptedContextException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
