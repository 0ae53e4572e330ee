namespace Conformance.Dicom.Network.Security;

/// <summary>TLS is configured with files that cannot be used (missing, no key, no certificate): a setup error, not a network one.</summary>
public sealed class TlsConfigurationException : Exception
{
    public TlsConfigurationException()
    {
    }

    public TlsConfigurationException(string message)
        : base(message)
    {
    }

    public TlsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
