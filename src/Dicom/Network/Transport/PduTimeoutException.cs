namespace Conformance.Dicom.Network.Transport;

/// <summary>A PDU whose first byte arrived was not completed within <see cref="ConnectionOptions.PduReadTimeout"/> (a peer trickling bytes).</summary>
public sealed class PduTimeoutException : TimeoutException
{
    public PduTimeoutException(TimeSpan timeout, long received, long expected)
        : base($"PDU not completed within {timeout.TotalSeconds:0.###} s of its first byte ({received} of {expected} bytes)")
    {
        Timeout = timeout;
    }

    public PduTimeoutException()
    {
    }

    public PduTimeoutException(string message)
        : base(message)
    {
    }

    public PduTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TimeSpan Timeout { get; }
}
