using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>
/// Slow and silent clients cannot hold a connection: ARTIM closes one that does not complete its
/// A-ASSOCIATE-RQ, however it trickles bytes; on an association, a PDU must be completed within the
/// deadline (a timer that every byte reset would never fire). Timers are set short through the public
/// options (ArtimTimeout, IdleTimeout, PduReadTimeout); the bounds below are multiples of them, not wall-clock budgets on our code.
/// </summary>
[TestFixture]
[Category("Reliability")]
public class SlowClientTests
{
    private static readonly TimeSpan Timer = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Detection = Timer * 8;

    /// <summary>ARTIM, the idle timer and the PDU completion deadline all short; <paramref name="idle"/> overrides the idle timer.</summary>
    private static Task<DicomServer> StartAsync(TimeSpan? idle = null) => DicomServer.StartAsync(new DicomServerOptions
    {
        AeTitle = "SLOWSCP",
        Storage = new DiscardInstanceStorage(),
        Connection = ConnectionOptions.Default with { ArtimTimeout = Timer, IdleTimeout = idle ?? Timer, PduReadTimeout = Timer },
    });

    [Test]
    public async Task A_connection_that_sends_nothing_is_closed_by_ARTIM()
    {
        await using var server = await StartAsync();
        using var socket = await ConnectAsync(server.Port);

        var closedAfter = await ClosedAfterAsync(socket, trickle: null);

        closedAfter.Should().NotBeNull($"ARTIM ({Timer.TotalSeconds} s) closes a connection without A-ASSOCIATE-RQ");
        closedAfter!.Value.Should().BeGreaterThanOrEqualTo(Timer * 0.9, "not before ARTIM expires");
    }

    [Test]
    public async Task A_request_trickled_a_byte_at_a_time_is_closed_by_ARTIM()
    {
        await using var server = await StartAsync();
        using var socket = await ConnectAsync(server.Port);
        var request = EchoRequestBytes();

        var closedAfter = await ClosedAfterAsync(socket, trickle: request);

        closedAfter.Should().NotBeNull("ARTIM runs from the connection to the whole A-ASSOCIATE-RQ; bytes arriving do not restart it");
    }

    [Test]
    public async Task On_an_association_a_PDU_trickled_a_byte_at_a_time_is_cut_off()
    {
        // The idle timer is off: only the PDU completion deadline (ConnectionOptions.PduReadTimeout) can end this.
        await using var server = await StartAsync(idle: Timeout.InfiniteTimeSpan);
        using var socket = await ConnectAsync(server.Port);
        await socket.SendAsync(EchoRequestBytes(), SocketFlags.None);
        var ac = new byte[1024];
        (await socket.ReceiveAsync(ac, SocketFlags.None)).Should().BeGreaterThan(0);
        ac[0].Should().Be(0x02, "the association is accepted first");

        // A P-DATA-TF announcing 4 KiB, whose bytes then come one at a time.
        var closedAfter = await ClosedAfterAsync(socket, trickle: [0x04, 0x00, 0x00, 0x00, 0x10, 0x00, .. new byte[4096]]);

        closedAfter.Should().NotBeNull("a PDU that is not completed within the deadline ends the association (issue 10)");
    }

    [Test]
    public async Task A_silent_association_is_ended_by_the_idle_timer()
    {
        await using var server = await StartAsync();
        using var socket = await ConnectAsync(server.Port);
        await socket.SendAsync(EchoRequestBytes(), SocketFlags.None);

        var closedAfter = await ClosedAfterAsync(socket, trickle: null);

        closedAfter.Should().NotBeNull("the idle timer ends an association on which nothing arrives");
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return socket;
    }

    /// <summary>Sends <paramref name="trickle"/> one byte every 200 ms while reading; the time until the SCP closed, or null if it did not within <see cref="Detection"/>.</summary>
    private static async Task<TimeSpan?> ClosedAfterAsync(Socket socket, byte[]? trickle)
    {
        var started = Stopwatch.GetTimestamp();
        using var stop = new CancellationTokenSource(Detection);
        var reading = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            try
            {
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, stop.Token) > 0)
                {
                }

                return true;
            }
            catch (SocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        });
        for (var i = 0; trickle is not null && i < trickle.Length && !reading.IsCompleted; i++)
        {
            try
            {
                await socket.SendAsync(trickle.AsMemory(i, 1), SocketFlags.None);
            }
            catch (SocketException)
            {
                break;
            }

            await Task.WhenAny(reading, Task.Delay(200));
        }

        return await reading ? Stopwatch.GetElapsedTime(started) : null;
    }

    /// <summary>A-ASSOCIATE-RQ to SLOWSCP proposing Verification, built by hand (PS3.8 9.3.2).</summary>
    private static byte[] EchoRequestBytes()
    {
        static byte[] Item(byte type, byte[] value) => [type, 0, (byte)(value.Length >> 8), (byte)value.Length, .. value];
        static byte[] Ascii(string s) => System.Text.Encoding.ASCII.GetBytes(s);
        byte[] fixedPart = [0, 1, 0, 0, .. Ascii("SLOWSCP".PadRight(16)), .. Ascii("TRICKLER".PadRight(16)), .. new byte[32]];
        byte[] items =
        [
            .. Item(0x10, Ascii("1.2.840.10008.3.1.1.1")),
            .. Item(0x20, [1, 0, 0, 0, .. Item(0x30, Ascii("1.2.840.10008.1.1")), .. Item(0x40, Ascii("1.2.840.10008.1.2"))]),
            .. Item(0x50, [.. Item(0x51, [0, 0, 0x40, 0]), .. Item(0x52, Ascii("1.2.3"))]),
        ];
        var body = fixedPart.Concat(items).ToArray();
        return [0x01, 0, (byte)(body.Length >> 24), (byte)(body.Length >> 16), (byte)(body.Length >> 8), (byte)body.Length, .. body];
    }
}
