using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Transport;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;
using Conformance.TestSupport.Security;
using System.Security.Cryptography.X509Certificates;

namespace Conformance.Interop.Tests.Security;

/// <summary>
/// Our SCU (DicomScu with TLS) -> DCMTK storescp <c>+tls</c> requiring a client certificate (its default,
/// <c>--require-peer-cert</c>): stored byte-exact with the run's certificates; without a client certificate, with
/// one from another authority, and against a storescp presenting an expired or foreign server certificate the
/// association never starts and storescp writes nothing.
/// </summary>
public class OurScuToDcmtkTlsTests : SecurityInteropTest
{
    [Test]
    public async Task Our_store_over_TLS_with_a_client_certificate_arrives_byte_exact()
    {
        var sources = await WriteStudyAsync("OURTLS", 3);
        var (port, received, _) = await StartStorescpAsync(Pki.Server);

        var result = await SecureScu(port, TestPki.Instance.Client).StoreFilesAsync(sources);

        Assert.That(result.AllSucceeded, Is.True, string.Join("; ", result.Outcomes.Select(o => $"{o.Status} {o.Error}")));
        Assert.That(ReceivedFiles.AssertAllArrived(ReceivedFiles.ByUid(sources), FilesIn(received)), Is.EqualTo(3));
    }

    private static IEnumerable<TestCaseData> RefusedClients()
    {
        yield return new TestCaseData(null).SetName("No client certificate: storescp refuses, nothing stored");
        yield return new TestCaseData(TestPki.Instance.WrongCaClient).SetName("Client certificate from another authority: storescp refuses, nothing stored");
        yield return new TestCaseData(TestPki.Instance.ExpiredClient).SetName("Expired client certificate: storescp refuses, nothing stored");
    }

    [TestCaseSource(nameof(RefusedClients))]
    public async Task Storescp_refuses_our_client_and_stores_nothing(X509Certificate2? clientCertificate)
    {
        var sources = await WriteStudyAsync("REFUSEDUS", 1);
        var (port, received, storescp) = await StartStorescpAsync(Pki.Server);

        var error = await Assert.CatchAsync<DicomNetworkException>(() => SecureScu(port, clientCertificate).StoreFilesAsync(sources));

        TestContext.Progress.WriteLine($"our SCU: {error!.Message}");
        await Task.Delay(200);
        TestContext.Progress.WriteLine($"storescp: {storescp.OutputSoFar}");
        Assert.That(storescp.OutputSoFar, Does.Not.Contain("Received Store Request"));
        Assert.That(FilesIn(received), Is.Empty, "nothing stored");
    }

    [TestCase("expired", "NotTimeValid")]
    [TestCase("wrong-ca", "is not accepted: PartialChain")]
    public async Task Our_SCU_refuses_a_storescp_certificate_it_cannot_trust(string which, string reason)
    {
        var sources = await WriteStudyAsync("UNTRUSTED", 1);
        var (port, received, _) = await StartStorescpAsync(which == "expired" ? Pki.ExpiredServer : Pki.WrongCaServer);

        var error = await Assert.CatchAsync<TlsHandshakeException>(() => SecureScu(port, TestPki.Instance.Client).StoreFilesAsync(sources));

        Assert.That(error!.Message, Does.Contain(reason));
        Assert.That(FilesIn(received), Is.Empty, "nothing stored");
    }

    /// <summary>storescp with TLS: <paramref name="own"/> as its certificate, the run's authority for clients, peer certificate required.</summary>
    private async Task<(int Port, string Received, BackgroundHostProcess Process)> StartStorescpAsync(PemPair own)
    {
        var received = Temp.Sub("storescp");
        var port = FreePort.Get();
        var storescp = StartTool("storescp", [.. PkiFiles.DcmtkTls(own, Pki.Authority), "--require-peer-cert", "-v", "-aet", "STORESCP", "-od", received, port.ToString()]);
        await storescp.WaitForListeningAsync(port, ToolLimit, CancellationToken.None);
        return (port, received, storescp);
    }

    private static DicomScu SecureScu(int port, X509Certificate2? clientCertificate) => new(new DicomScuOptions
    {
        Host = "127.0.0.1",
        Port = port,
        CalledAe = "STORESCP",
        CallingAe = "OURSCU",
        Connection = ConnectionOptions.Default with
        {
            TlsClient = new TlsClientOptions { TrustedAuthorities = TestPki.Instance.Authorities, Certificate = clientCertificate },
        },
    });
}
