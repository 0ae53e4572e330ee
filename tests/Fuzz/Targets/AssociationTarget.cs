using System.Net;
using System.Net.Sockets;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Fuzz.Targets;

/// <summary>
/// The acceptor's state machine and everything above it: the input is written, as one TCP stream, to our
/// SCP (<see cref="DicomServer"/>, discard storage, in-memory index) over loopback, then our side closes.
/// The SCP must answer what it answers and close the connection within <see cref="CloseBound"/>; an
/// exception reaching the top of any of its threads ends the process, which afl-fuzz records as a crash
/// (one left in a faulted task is not seen here: the malformed-input catalogue checks the answers).
/// </summary>
internal sealed class AssociationTarget : IFuzzTarget
{
    public const string CalledAe = "FUZZSCP";

    /// <summary>Generous against a 1 s ARTIM: the SCP sees our FIN at once, so only a stuck association reaches it.</summary>
    private static readonly TimeSpan CloseBound = TimeSpan.FromSeconds(5);

    private static readonly Lazy<Task<DicomServer>> Server = new(() => DicomServer.StartAsync(new DicomServerOptions
    {
        AeTitle = CalledAe,
        Storage = new DiscardInstanceStorage(),
        MaxAssociations = 8,
        Connection = ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(1) },
    }));

    public string Name => "association";

    public string Description => "bytes -> TCP -> DicomServer acceptor; must close the connection within 5 s, no exception escapes";

    public void Run(ReadOnlySpan<byte> input) => RunAsync(input.ToArray()).GetAwaiter().GetResult();

    private static async Task RunAsync(byte[] bytes)
    {
        var server = await Server.Value.ConfigureAwait(false);
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, server.Port).ConfigureAwait(false);
        var draining = DrainAsync(socket);
        try
        {
            await socket.SendAsync(bytes, SocketFlags.None).ConfigureAwait(false);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // The SCP aborted and closed before it read everything: a documented outcome.
        }

        try
        {
            await draining.WaitAsync(CloseBound).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException($"the SCP kept the connection open {CloseBound.TotalSeconds} s after the peer closed", ex);
        }
    }

    private static async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None).ConfigureAwait(false) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // Reset by the SCP: closed.
        }
    }
}
