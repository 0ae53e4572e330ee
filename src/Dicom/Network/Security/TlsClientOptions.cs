using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Dicom.Network.Security;

/// <summary>DICOM TLS on the requestor's side (PS3.15 Annex B). Immutable; derive variants with <c>with</c>.</summary>
public sealed record TlsClientOptions
{
    /// <summary>Certification authorities the server's certificate must chain to; null = the system's trusted roots.</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>Our client certificate, with its private key; null = none presented.</summary>
    public X509Certificate2? Certificate { get; init; }

    /// <summary>The name the server's certificate must carry; null = the host we connect to.</summary>
    public string? ServerName { get; init; }

    /// <summary>TLS 1.2 and 1.3 (the BCP 195 profiles of PS3.15 B.9-B.11 exclude older versions).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
}
