using System.Net.Security;
using System.Security.Authentication;

namespace Conformance.Dicom.Network.Security;

/// <summary>What a TLS handshake settled: protocol, cipher suite, and the peer's certificate subject (null when it presented none).</summary>
public sealed record TlsSession(SslProtocols Protocol, TlsCipherSuite CipherSuite, string? PeerCertificateSubject)
{
    public override string ToString() =>
        $"{Protocol} {CipherSuite}{(PeerCertificateSubject is null ? ", no peer certificate" : $", peer certificate {PeerCertificateSubject}")}";
}
