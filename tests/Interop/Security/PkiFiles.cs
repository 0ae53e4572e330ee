using System.Security.Cryptography.X509Certificates;
using Conformance.TestSupport.Security;

namespace Conformance.Interop.Tests.Security;

/// <summary>A PEM certificate and its unencrypted key, as DCMTK's <c>+tls KEY CERT</c> and our <c>--tls-cert/--tls-key</c> take them.</summary>
public sealed record PemPair(string Certificate, string Key);

/// <summary>
/// The run's <see cref="TestPki"/> written to PEM files in a test's scratch directory: the authority (ca.pem), the
/// other authority (wrong-ca.pem) and each certificate with its key. DCMTK reads these; so do the CLI options.
/// </summary>
public sealed class PkiFiles
{
    private PkiFiles(string directory)
    {
        var pki = TestPki.Instance;
        Authority = WriteAuthority(pki.Authority, directory, "ca");
        WrongAuthority = WriteAuthority(pki.WrongAuthority, directory, "wrong-ca");
        Server = Write(pki.Server, directory, "server");
        Client = Write(pki.Client, directory, "client");
        ExpiredServer = Write(pki.ExpiredServer, directory, "expired-server");
        ExpiredClient = Write(pki.ExpiredClient, directory, "expired-client");
        WrongCaServer = Write(pki.WrongCaServer, directory, "wrong-ca-server");
        WrongCaClient = Write(pki.WrongCaClient, directory, "wrong-ca-client");
    }

    public string Authority { get; }

    public string WrongAuthority { get; }

    public PemPair Server { get; }

    public PemPair Client { get; }

    public PemPair ExpiredServer { get; }

    public PemPair ExpiredClient { get; }

    public PemPair WrongCaServer { get; }

    public PemPair WrongCaClient { get; }

    public static PkiFiles WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        return new PkiFiles(directory);
    }

    /// <summary>DCMTK's arguments for TLS with <paramref name="own"/> (key first, then certificate) trusting <paramref name="authority"/>.</summary>
    public static string[] DcmtkTls(PemPair own, string authority) => ["+tls", own.Key, own.Certificate, "+cf", authority];

    private static PemPair Write(X509Certificate2 certificate, string directory, string name)
    {
        var (cert, key) = TestPki.WritePem(certificate, directory, name);
        return new PemPair(cert, key);
    }

    private static string WriteAuthority(X509Certificate2 authority, string directory, string name) => TestPki.WritePem(authority, directory, name).Certificate;
}
