using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;
using Conformance.TestSupport.Security;

namespace Conformance.Unit.Tests.Dicom.Network.Security;

/// <summary>Under TLS the socket keeps the tuning that avoids the stalls of docs/pathologies.md, read back from the kernel.</summary>
public class TlsSocketTuningTests
{
    [Test]
    public async Task TCP_NODELAY_stays_on_and_TCP_QUICKACK_is_re_armed_around_TLS_reads()
    {
        var options = ConnectionOptions.Default with
        {
            TlsServer = new TlsServerOptions { Certificate = TestPki.Instance.Server },
            TlsClient = new TlsClientOptions { TrustedAuthorities = TestPki.Instance.Authorities },
        };
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepting = AcceptAsync(listener, options);
        using var client = await DicomConnection.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, options, CancellationToken.None);
        using var server = await accepting;

        await server.SendAsync(new byte[] { 1, 2, 3 }, CancellationToken.None);
        var received = await client.ReceiveAsync(new byte[16], CancellationToken.None);

        received.Should().Be(3);
        client.Tls.Should().NotBeNull();
        server.Tls.Should().NotBeNull();
        client.Socket.NoDelay.Should().BeTrue();
        server.Socket.NoDelay.Should().BeTrue();
        if (OperatingSystem.IsLinux())
        {
            var value = new byte[4];
            client.Socket.GetRawSocketOption(6, 12, value);
            BitConverter.ToInt32(value).Should().Be(1, "TCP_QUICKACK is set again after the TLS read");
        }
    }

    private static async Task<DicomConnection> AcceptAsync(TcpListener listener, ConnectionOptions options) =>
        await DicomConnection.AcceptAsync(await listener.AcceptSocketAsync(), options, CancellationToken.None);
}
