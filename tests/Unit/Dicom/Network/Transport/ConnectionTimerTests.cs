using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.StateMachine;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Unit.Tests.Dicom.Network.Transport;

/// <summary>The connection timer, with a loopback listener whose accept queue is full (Linux then drops the SYN).</summary>
public class ConnectionTimerTests
{
    [Test]
    public async Task A_connection_that_is_never_completed_fires_the_connection_timer()
    {
        using var full = new Socket(SocketType.Stream, ProtocolType.Tcp);
        full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        full.Listen(0);
        var port = ((IPEndPoint)full.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var filler = new Socket(SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                _ = filler.ConnectAsync(IPAddress.Loopback, port);
            }

            await Task.Delay(100);
            var options = ConnectionOptions.Default with { ConnectTimeout = TimeSpan.FromMilliseconds(300) };

            var connect = () => DicomAssociation.ConnectAsync(AssociationRequest.ForVerification("127.0.0.1", port, "BUSY"), options, CancellationToken.None);

            var timeout = (await connect.Should().ThrowAsync<AssociationTimeoutException>()).Which;
            timeout.Timer.Should().Be(AssociationTimer.Connection);
            timeout.State.Should().Be(AssociationState.Sta4);
            timeout.Message.Should().Contain("Connection timer").And.Contain("BUSY").And.Contain($"127.0.0.1:{port}");
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }
}
