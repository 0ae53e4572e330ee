using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Scu;

/// <summary>An operation's final status was a failure (thrown only by the streaming APIs; the others return it).</summary>
public sealed class DimseStatusException : Exception
{
    public DimseStatusException(string operation, DimseStatus status, string? errorComment)
        : base($"{operation} failed with status {status}{(errorComment is null ? "" : ": " + errorComment)}")
    {
        Status = status;
    }

    public DimseStatusException()
    {
    }

    public DimseStatusException(string message)
        : base(message)
    {
    }

    public DimseStatusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DimseStatus Status { get; }
}
