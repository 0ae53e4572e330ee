using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Transport;

/// <summary>Socket options as <see cref="ConnectionOptions"/> asks, read back from the kernel.</summary>
public class SocketTuningTests
{
    private static async Task<(DicomConnection Client, Socket Server)> ConnectAsync(ConnectionOptions options)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptSocketAsync();
        var client = await DicomConnection.ConnectAsync("127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, options, CancellationToken.None);
        return (client, await accept);
    }

    [Test]
    public async Task Defaults_disable_Nagle_and_leave_buffers_to_the_kernel()
    {
        using var fresh = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var kernelDefault = fresh.ReceiveBufferSize;
        var (client, server) = await ConnectAsync(ConnectionOptions.Default);
        using var c = client;
        using var s = server;

        client.Socket.NoDelay.Should().BeTrue();
        client.Socket.ReceiveBufferSize.Should().BeGreaterThanOrEqualTo(kernelDefault);
    }

    [Test]
    public async Task Pathological_mode_turns_Nagle_on_and_shrinks_the_receive_buffer_after_connect()
    {
        var (client, server) = await ConnectAsync(ConnectionOptions.Pathological);
        using var c = client;
        using var s = server;

        client.Socket.NoDelay.Should().BeFalse();
        client.Socket.ReceiveBufferSize.Should().BeLessThanOrEqualTo(2 * 16 * 1024, "Linux doubles the value it is given");
    }

    [Test]
    public async Task Quick_ACK_is_set_again_after_each_receive_on_Linux()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("TCP_QUICKACK is Linux only");
        }

        var (client, server) = await ConnectAsync(ConnectionOptions.Default);
        using var c = client;
        using var s = server;
        var value = new byte[4];

        await server.SendAsync(new byte[] { 1, 2, 3 });
        await client.ReceiveAsync(new byte[16], CancellationToken.None);
        client.Socket.GetRawSocketOption(6, 12, value);

        BitConverter.ToInt32(value).Should().Be(1);
    }
}
