using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Transport;

/// <summary>
/// <see cref="ConnectionOptions.RefusedConnectRetryDelays"/>: a refused TCP connection is tried again after each pause,
/// logged each time; without pauses the first refusal is final.
/// </summary>
public class RefusedConnectRetryTests
{
    /// <summary>A loopback port nobody listens on (bound once to learn a free one, then released).</summary>
    internal static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Test]
    public async Task A_peer_that_starts_listening_after_the_first_refusal_is_reached()
    {
        var port = ClosedPort();
        var log = new ConcurrentQueue<string>();
        TcpListener? late = null;
        var options = ConnectionOptions.Default with
        {
            RefusedConnectRetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1)],
            Log = line =>
            {
                log.Enqueue(line);
                // The peer opens its port only once it has been refused, as gdcmscu --move does.
                if (late is null)
                {
                    late = new TcpListener(IPAddress.Loopback, port);
                    late.Start();
                }
            },
        };
        try
        {
            using var connection = await DicomConnection.ConnectAsync("127.0.0.1", port, options, CancellationToken.None);
            using var accepted = await late!.AcceptSocketAsync();

            ((IPEndPoint)accepted.RemoteEndPoint!).Port.Should().Be(connection.LocalEndPoint!.Port, "the listener accepted our connection");
            log.Should().ContainSingle().Which.Should().Be($"127.0.0.1:{port} refused the connection (attempt 1 of 3); trying again in 100 ms");
        }
        finally
        {
            late?.Stop();
        }
    }

    [Test]
    public async Task Every_attempt_refused_throws_the_last_refusal_after_each_pause()
    {
        var port = ClosedPort();
        var log = new ConcurrentQueue<string>();
        var options = ConnectionOptions.Default with
        {
            RefusedConnectRetryDelays = [TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(2)],
            Log = log.Enqueue,
        };

        var connecting = () => DicomConnection.ConnectAsync("127.0.0.1", port, options, CancellationToken.None);

        (await connecting.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        log.Should().Equal(
            $"127.0.0.1:{port} refused the connection (attempt 1 of 3); trying again in 1 ms",
            $"127.0.0.1:{port} refused the connection (attempt 2 of 3); trying again in 2 ms");
    }

    [Test]
    public async Task Without_pauses_the_first_refusal_is_final()
    {
        var log = new ConcurrentQueue<string>();
        var options = ConnectionOptions.Default with { Log = log.Enqueue };

        var connecting = () => DicomConnection.ConnectAsync("127.0.0.1", ClosedPort(), options, CancellationToken.None);

        (await connecting.Should().ThrowAsync<SocketException>()).Which.SocketErrorCode.Should().Be(SocketError.ConnectionRefused);
        log.Should().BeEmpty();
    }

    [Test]
    public async Task Cancellation_during_a_pause_stops_the_attempts()
    {
        using var cancel = new CancellationTokenSource();
        var options = ConnectionOptions.Default with
        {
            RefusedConnectRetryDelays = [TimeSpan.FromMinutes(5)],
            Log = _ => cancel.Cancel(),
        };

        var connecting = () => DicomConnection.ConnectAsync("127.0.0.1", ClosedPort(), options, cancel.Token);

        await connecting.Should().ThrowAsync<OperationCanceledException>();
    }
}
