using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Dicom.Network.Security;

/// <summary>
/// DICOM TLS on the acceptor's side (PS3.15 Annex B, secure transport connection profiles: TLS over the DICOM port).
/// Immutable; derive variants with <c>with</c>.
/// </summary>
public sealed record TlsServerOptions
{
    /// <summary>Our certificate, with its private key.</summary>
    public required X509Certificate2 Certificate { get; init; }

    /// <summary>Certification authorities a client certificate must chain to; null = client certificates are not asked for.</summary>
    public X509Certificate2Collection? TrustedAuthorities { get; init; }

    /// <summary>Refuse a client that presents no certificate (needs <see cref="TrustedAuthorities"/>).</summary>
    public bool RequireClientCertificate { get; init; }

    /// <summary>TLS 1.2 and 1.3 (the BCP 195 profiles of PS3.15 B.9-B.11 exclude older versions).</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
}
