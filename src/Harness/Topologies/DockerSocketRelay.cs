using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.Topologies;

/// <summary>
/// Exposes the local engine's unix socket on a TCP port on 127.0.0.1, so the remote-mode code
/// path (DOCKER_HOST=tcp://..., published ports, advertised address) can be exercised on one
/// machine without reconfiguring dockerd. A byte pump in both directions, half-closes passed on
/// (docker exec/attach rely on them).
/// </summary>
public sealed class DockerSocketRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly string socketPath;
    private readonly Task acceptLoop;

    public DockerSocketRelay(string socketPath = "/var/run/docker.sock")
    {
        this.socketPath = socketPath;
        listener.Start();
        acceptLoop = AcceptAsync();
    }

    public string Endpoint => $"tcp://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = PumpAsync(client);
        }
    }

    private async Task PumpAsync(Socket client)
    {
        using (client)
        using (var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                await engine.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), stopping.Token).ConfigureAwait(false);
                await Task.WhenAll(CopyAsync(client, engine), CopyAsync(engine, client)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                // A connection torn down by either side ends its pump; nothing to report.
            }
        }
    }

    private async Task CopyAsync(Socket from, Socket to)
    {
        var buffer = new byte[81920];
        while (true)
        {
            var read = await from.ReceiveAsync(buffer, SocketFlags.None, stopping.Token).ConfigureAwait(false);
            if (read == 0)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stopping.Token).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await acceptLoop.ConfigureAwait(false);
        stopping.Dispose();
    }
}
