using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.TestSupport.Security;

/// <summary>
/// A small PKI made fresh for each test run (nothing committed, nothing from the machine): a certification authority,
/// a server certificate (localhost, 127.0.0.1) and a client certificate it issued, an expired server and client
/// certificate from the same authority, and a server and client certificate from another ("wrong") authority.
/// RSA 2048 and SHA-256, which DCMTK's BCP 195 profile accepts. Shared by the unit and interop tests (linked file).
/// </summary>
internal sealed class TestPki
{
    private static readonly Lazy<TestPki> Shared = new(Create);

    private TestPki(X509Certificate2 authority, X509Certificate2 wrongAuthority, DateTimeOffset now)
    {
        Authority = authority;
        WrongAuthority = wrongAuthority;
        Server = Issue(authority, server: true, expired: false, now);
        Client = Issue(authority, server: false, expired: false, now);
        ExpiredServer = Issue(authority, server: true, expired: true, now);
        ExpiredClient = Issue(authority, server: false, expired: true, now);
        WrongCaServer = Issue(wrongAuthority, server: true, expired: false, now);
        WrongCaClient = Issue(wrongAuthority, server: false, expired: false, now);
    }

    /// <summary>One PKI per test run: RSA key generation is slow on a loaded machine.</summary>
    public static TestPki Instance => Shared.Value;

    public X509Certificate2 Authority { get; }

    public X509Certificate2 WrongAuthority { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    public X509Certificate2 ExpiredServer { get; }

    public X509Certificate2 ExpiredClient { get; }

    public X509Certificate2 WrongCaServer { get; }

    public X509Certificate2 WrongCaClient { get; }

    public X509Certificate2Collection Authorities => [Authority];

    /// <summary>Writes <paramref name="certificate"/> as NAME.pem and its key as NAME.key (unencrypted PKCS#8), the form DCMTK's +tls reads; returns (cert, key) paths.</summary>
    public static (string Certificate, string Key) WritePem(X509Certificate2 certificate, string directory, string name)
    {
        var certificatePath = Path.Combine(directory, name + ".pem");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        var keyPath = Path.Combine(directory, name + ".key");
        if (certificate.HasPrivateKey)
        {
            using var key = certificate.GetRSAPrivateKey()!;
            File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        }

        return (certificatePath, keyPath);
    }

    private static TestPki Create()
    {
        var now = DateTimeOffset.UtcNow;
        return new TestPki(NewAuthority("CN=Conformance Test CA", now), NewAuthority("CN=Conformance Wrong CA", now), now);
    }

    private static X509Certificate2 NewAuthority(string subject, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, bool server, bool expired, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var subject = $"CN=Conformance {(server ? "server" : "client")}{(expired ? " (expired)" : string.Empty)}, O={authority.GetNameInfo(X509NameType.SimpleName, false)}";
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var (from, to) = expired ? (now.AddDays(-20), now.AddDays(-1)) : (now.AddDays(-1), now.AddDays(20));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(authority, from, to, serial);
        return issued.CopyWithPrivateKey(key);
    }
}
