using Conformance.Interop.Tests.Dimse.Infrastructure;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// DCMTK's TLS clients (storescu, echoscu with <c>+tls</c>) -> our SCP with DICOM TLS and client certificates
/// required: accepted and stored byte-exact with the run's certificates; every wrong certificate, a missing one,
/// plain TCP on the TLS port and a server certificate DCMTK cannot trust end the connection with NOTHING stored.
/// </summary>
public class DcmtkTlsToOurScpTests : SecurityInteropTest
{
    [Test]
    public async Task Storescu_over_TLS_with_a_client_certificate_stores_byte_exact()
    {
        var sources = await WriteStudyAsync("TLSSTORE", 3);
        var (server, directory) = await StartSecureScpAsync();

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-aet", "STORESCU", "-aec", OurAe, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Zero, storescu.Output);
        var identical = ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), DicomFilesIn(directory));
        Assert.That(identical, Is.EqualTo(3), "stored as sent over TLS, so byte-identical");
        Assert.That(await LoggedAsync("association accepted", "TLS Tls1", "peer certificate CN=Conformance client"), Is.Not.Empty, "the log names the TLS version, cipher suite and client certificate");
    }

    [Test]
    public async Task Echoscu_over_TLS_with_a_client_certificate_is_answered()
    {
        var (server, _) = await StartSecureScpAsync();

        var echoscu = await RunToolAsync("echoscu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.Authority), "-v", "-aec", OurAe, "127.0.0.1", server.Port.ToString()]);

        Assert.That(echoscu.ExitCode, Is.Zero, echoscu.Output);
        Assert.That(echoscu.Output, Does.Contain("Received Echo Response (Success)"));
    }

    private static IEnumerable<TestCaseData> RefusedClients()
    {
        yield return new TestCaseData((Func<PkiFiles, string[]>)(p => PkiFiles.DcmtkTls(p.WrongCaClient, p.Authority)), "O=Conformance Wrong CA (valid")
            .SetName("Client certificate from another authority: refused, nothing stored");
        yield return new TestCaseData((Func<PkiFiles, string[]>)(p => PkiFiles.DcmtkTls(p.ExpiredClient, p.Authority)), "is not accepted: NotTimeValid")
            .SetName("Expired client certificate: refused, nothing stored");
        yield return new TestCaseData((Func<PkiFiles, string[]>)(p => ["+tla", "+cf", p.Authority]), "the peer presented no certificate")
            .SetName("TLS without a client certificate: refused, nothing stored");
        yield return new TestCaseData((Func<PkiFiles, string[]>)(_ => []), "plain DICOM (an A-ASSOCIATE-RQ) arrived on the TLS port")
            .SetName("Plain TCP storescu on the TLS port: refused, nothing stored");
    }

    [TestCaseSource(nameof(RefusedClients))]
    public async Task Refused_clients_store_nothing(Func<PkiFiles, string[]> tls, string logged)
    {
        var sources = await WriteStudyAsync("REFUSED", 1);
        var (server, directory) = await StartSecureScpAsync();

        var storescu = await RunToolAsync("storescu", [.. tls(Pki), "-aet", "STORESCU", "-aec", OurAe, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Not.Zero, storescu.Output);
        Assert.That(storescu.Output, Does.Not.Contain("Received Store Response"), "no association, so no store");
        Assert.That(await LoggedAsync("TLS handshake", "failed", logged), Is.Not.Empty);
        Assert.That(DicomFilesIn(directory), Is.Empty, "nothing stored");
        Assert.That(await server.Index.CountInstancesAsync(CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task Storescu_refuses_our_server_certificate_when_it_trusts_another_authority()
    {
        var sources = await WriteStudyAsync("NOTRUST", 1);
        var (server, directory) = await StartSecureScpAsync();

        var storescu = await RunToolAsync("storescu", [.. PkiFiles.DcmtkTls(Pki.Client, Pki.WrongAuthority), "-aec", OurAe, "127.0.0.1", server.Port.ToString(), .. sources]);

        Assert.That(storescu.ExitCode, Is.Not.Zero, storescu.Output);
        Assert.That(storescu.Output, Does.Contain("certificate").IgnoreCase, "storescu says it refused the certificate");
        Assert.That(DicomFilesIn(directory), Is.Empty, "nothing stored");
    }
}
