using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Dicom.Network.Security;

/// <summary>
/// Verifies the peer's certificate during one TLS handshake: against the configured certification authorities
/// (a chain built to one of them, in its validity period, for the right purpose) or, when none are configured, the
/// system's trust; the server's name when we are the client. Keeps why it refused, for the log and the exception.
/// </summary>
internal sealed class PeerCertificateCheck(X509Certificate2Collection? authorities, bool required, bool peerIsClient)
{
    private static readonly Oid ServerAuthentication = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuthentication = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Why the certificate was refused; null while nothing was refused.</summary>
    public string? Failure { get; private set; }

    /// <summary>The subject of the certificate the peer presented, if any.</summary>
    public string? PeerSubject { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Failure = required ? "the peer presented no certificate" : null;
            return !required;
        }

        using var presented = new X509Certificate2(certificate);
        PeerSubject = presented.Subject;
        if (!peerIsClient && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            Failure = $"the server's certificate ({presented.Subject}) does not name the host we connected to";
            return false;
        }

        if (authorities is null)
        {
            Failure = errors == SslPolicyErrors.None ? null : $"the certificate {presented.Subject} is not trusted by this system: {errors}";
            return Failure is null;
        }

        Failure = ChainProblem(presented, chain);
        return Failure is null;
    }

    /// <summary>Builds the chain to one of <c>authorities</c> only (no system roots, no revocation lists: none are reachable here).</summary>
    private string? ChainProblem(X509Certificate2 presented, X509Chain? sent)
    {
        using var own = new X509Chain();
        own.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        own.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        own.ChainPolicy.CustomTrustStore.AddRange(authorities!);
        own.ChainPolicy.ApplicationPolicy.Add(peerIsClient ? ClientAuthentication : ServerAuthentication);
        if (sent is not null)
        {
            foreach (var element in sent.ChainElements)
            {
                own.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        if (own.Build(presented))
        {
            return null;
        }

        var statuses = own.ChainStatus.Select(s => $"{s.Status} ({s.StatusInformation.Trim()})");
        return $"the certificate {presented.Subject} (valid {presented.NotBefore:u} to {presented.NotAfter:u}) is not accepted: {string.Join("; ", statuses)}";
    }
}
