using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;
using Conformance.TestSupport.Security;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>
/// DICOM TLS (PS3.15 B) between our SCU and our listener over loopback, with certificates made for this run: the
/// accepted handshake, and each refusal (wrong CA, expired, missing or unexpected client certificate, wrong host name,
/// plain TCP on the TLS port, TLS on a plain port) refused before any association, with the reason logged.
/// </summary>
public class TlsTransportTests
{
    private static TestPki Pki => TestPki.Instance;

    private static ConnectionOptions Server(X509Certificate2? certificate = null, bool requireClient = true, bool askClient = true) => ConnectionOptions.Default with
    {
        TlsServer = new TlsServerOptions
        {
            Certificate = certificate ?? Pki.Server,
            TrustedAuthorities = askClient ? Pki.Authorities : null,
            RequireClientCertificate = requireClient,
        },
    };

    private static ConnectionOptions Client(X509Certificate2? certificate = null, X509Certificate2Collection? authorities = null, string? serverName = null) => ConnectionOptions.Default with
    {
        TlsClient = new TlsClientOptions { TrustedAuthorities = authorities ?? Pki.Authorities, Certificate = certificate, ServerName = serverName },
    };

    [Test]
    public async Task With_certificates_from_the_configured_CA_both_ways_the_association_runs_in_TLS()
    {
        await using var scp = EchoListener.Start(options: Server());

        var (info, status) = await scp.EchoAsync(Client(Pki.Client));

        status.Should().Be(0);
        info.Tls.Should().NotBeNull();
        info.Tls!.Protocol.Should().BeOneOf(SslProtocols.Tls12, SslProtocols.Tls13);
        info.Tls.PeerCertificateSubject.Should().Be(Pki.Server.Subject);
        (await scp.WaitForLogAsync("association accepted", "TLS", Pki.Client.Subject)).Should().NotBeNull("the acceptance names the TLS session and the client's certificate");
    }

    [Test]
    public async Task A_client_certificate_is_optional_unless_required()
    {
        await using var scp = EchoListener.Start(options: Server(requireClient: false));

        var (info, status) = await scp.EchoAsync(Client());

        status.Should().Be(0);
        info.Tls.Should().NotBeNull();
        (await scp.WaitForLogAsync("association accepted", "no peer certificate")).Should().NotBeNull();
    }

    private static IEnumerable<TestCaseData> ClientRefusals()
    {
        yield return new TestCaseData(null, "no certificate").SetName("Required client certificate missing: refused");
        yield return new TestCaseData(Pki.ExpiredClient, "NotTimeValid").SetName("Expired client certificate: refused");
        yield return new TestCaseData(Pki.WrongCaClient, "Conformance Wrong CA").SetName("Client certificate from another CA: refused");
    }

    [TestCaseSource(nameof(ClientRefusals))]
    public async Task The_listener_refuses_a_client_certificate_it_cannot_trust(X509Certificate2? clientCertificate, string logged)
    {
        await using var scp = EchoListener.Start(options: Server());

        var echo = () => scp.EchoAsync(Client(clientCertificate));

        // TLS 1.3 lets the client finish its side before the server judges its certificate: the refusal then reaches
        // the client as a closed connection, not a failed handshake. Either way no association is established.
        await echo.Should().ThrowAsync<DicomNetworkException>();
        (await scp.WaitForLogAsync("TLS handshake", "failed", logged)).Should().NotBeNull($"the log says why; it was:{Environment.NewLine}{string.Join(Environment.NewLine, scp.Log)}");
        scp.Listener.Counters.Established.Should().Be(0);
    }

    private static IEnumerable<TestCaseData> ServerRefusals()
    {
        yield return new TestCaseData(Pki.ExpiredServer, null, "NotTimeValid").SetName("Expired server certificate: refused by the client");
        yield return new TestCaseData(Pki.WrongCaServer, null, "is not accepted").SetName("Server certificate from another CA: refused by the client");
        yield return new TestCaseData(Pki.Server, "dicom.elsewhere.example", "does not name").SetName("Server certificate for another host name: refused by the client");
    }

    [TestCaseSource(nameof(ServerRefusals))]
    public async Task The_client_refuses_a_server_certificate_it_cannot_trust(X509Certificate2 serverCertificate, string? serverName, string reason)
    {
        await using var scp = EchoListener.Start(options: Server(serverCertificate));

        var echo = () => scp.EchoAsync(Client(Pki.Client, serverName: serverName));

        (await echo.Should().ThrowAsync<TlsHandshakeException>()).Which.Message.Should().Contain(reason);
        // Under TLS 1.3 our side may have finished its handshake before the client judged our certificate: it then
        // sees a connection closed before any A-ASSOCIATE-RQ (Sta2), and logs that.
        var logged = await Task.WhenAny(scp.WaitForLogAsync("TLS handshake", "failed"), scp.WaitForLogAsync("closed before an association (Sta2)"));
        (await logged).Should().NotBeNull($"the listener logs the failed connection too; the log was:{Environment.NewLine}{string.Join(Environment.NewLine, scp.Log)}");
        scp.Listener.Counters.Established.Should().Be(0);
    }

    [Test]
    public async Task Plain_DICOM_on_the_TLS_port_is_closed_without_an_association()
    {
        await using var scp = EchoListener.Start(options: Server());

        var echo = () => scp.EchoAsync();

        await echo.Should().ThrowAsync<DicomNetworkException>();
        (await scp.WaitForLogAsync("plain DICOM", "A-ASSOCIATE-RQ", "TLS port")).Should().NotBeNull();
        scp.Listener.Counters.Established.Should().Be(0);
    }

    [Test]
    public async Task TLS_to_a_plain_port_fails_the_handshake_and_the_listener_aborts_the_unknown_PDU()
    {
        await using var scp = EchoListener.Start();

        var echo = () => scp.EchoAsync(Client(Pki.Client));

        await echo.Should().ThrowAsync<TlsHandshakeException>();
        (await scp.WaitForLogAsync("A-ABORT sent", "PDU type 0x16")).Should().NotBeNull("a TLS ClientHello starts with 0x16, no PDU type");
    }

    [Test]
    public void Requiring_client_certificates_without_a_CA_to_check_them_is_refused_at_start()
    {
        var start = () => EchoListener.Start(options: Server(requireClient: true, askClient: false));

        start.Should().Throw<ArgumentException>().WithMessage("*TrustedAuthorities*");
    }
}
