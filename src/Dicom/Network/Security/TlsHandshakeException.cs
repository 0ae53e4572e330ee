namespace Conformance.Dicom.Network.Security;

/// <summary>The TLS handshake failed (or a plain connection reached a TLS port): no association was attempted.</summary>
public sealed class TlsHandshakeException : DicomNetworkException
{
    public TlsHandshakeException()
    {
    }

    public TlsHandshakeException(string message)
        : base(message)
    {
    }

    public TlsHandshakeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
