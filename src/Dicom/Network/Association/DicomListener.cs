using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;

namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Accepts TCP connections and negotiates associations under an <see cref="AcceptancePolicy"/>;
/// established associations come out of <see cref="AcceptAsync"/> (or go to a handler with
/// <see cref="RunAsync"/>). Rejections are answered on the wire and counted.
/// </summary>
public sealed class DicomListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly Channel<DicomAssociation> _accepted = Channel.CreateUnbounded<DicomAssociation>();
    private readonly CancellationTokenSource _stop = new();
    private Task _acceptLoop = Task.CompletedTask;
    private int _established;
    private int _open;
    private int _rejecting;

    private DicomListener(Socket socket, AcceptancePolicy policy, ConnectionOptions options)
    {
        _socket = socket;
        Policy = policy;
        Options = options;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public AcceptancePolicy Policy { get; }

    public ConnectionOptions Options { get; }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>The bound port (useful after binding port 0).</summary>
    public int Port => LocalEndPoint.Port;

    /// <summary>Associations established and not yet ended.</summary>
    public int EstablishedAssociations => Volatile.Read(ref _established);

    /// <summary>Connections holding one of <see cref="AcceptancePolicy.MaxAssociations"/>: from accept (Sta2, waiting for A-ASSOCIATE-RQ) to close.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    public ListenerCounters Counters { get; } = new();

    /// <summary>Binds and listens (port 0 picks a free port) and starts accepting.</summary>
    public static DicomListener Start(AcceptancePolicy policy, ConnectionOptions options, string host = "127.0.0.1", int port = 0, int backlog = 128)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TlsServer is { RequireClientCertificate: true, TrustedAuthorities: null })
        {
            throw new ArgumentException("Requiring client certificates needs the certification authorities that issue them (TlsServerOptions.TrustedAuthorities)", nameof(options));
        }

        var address = IPAddress.Parse(host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            SocketTuning.BeforeConnect(socket, options);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(backlog);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        var listener = new DicomListener(socket, policy, options);
        listener._acceptLoop = Task.Run(listener.AcceptLoopAsync);
        return listener;
    }

    /// <summary>Established associations, as they come; the consumer owns (and disposes) each one.</summary>
    public async IAsyncEnumerable<DicomAssociation> AcceptAsync([EnumeratorCancellation] CancellationToken ct)
    {
        while (await _accepted.Reader.WaitToReadAsync(ct).ConfigureAwait(false))
        {
            while (_accepted.Reader.TryRead(out var association))
            {
                yield return association;
            }
        }
    }

    /// <summary>
    /// Serves until <paramref name="ct"/> is cancelled or the listener is disposed: each association runs
    /// <paramref name="handler"/> on its own task and is disposed (released or aborted) afterwards.
    /// </summary>
    public async Task RunAsync(Func<DicomAssociation, CancellationToken, Task> handler, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var running = new List<Task>();
        try
        {
            await foreach (var association in AcceptAsync(ct).ConfigureAwait(false))
            {
                running.RemoveAll(t => t.IsCompleted);
                running.Add(Task.Run(() => ServeAsync(association, handler, ct), CancellationToken.None));
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Normal stop.
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The accept loop ends by its socket being closed.
        }

        _accepted.Writer.TryComplete();
        while (_accepted.Reader.TryRead(out var unclaimed))
        {
            await unclaimed.DisposeAsync().ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private static async Task ServeAsync(DicomAssociation association, Func<DicomAssociation, CancellationToken, Task> handler, CancellationToken ct)
    {
        await using (association.ConfigureAwait(false))
        {
            try
            {
                await handler(association, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is DicomNetworkException or OperationCanceledException or IOException)
            {
                // The association's own Failure records what happened; disposal below ends it.
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _socket.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            Counters.Connection();
            // Every connection counts from accept, not only established ones: a peer that never sends its request
            // holds a slot until ARTIM. Over the limit, as many again wait to be told "local limit exceeded";
            // beyond those the socket is closed at once, so buffers stay bounded.
            var admitted = TryTake(ref _open);
            if (!admitted && !TryTake(ref _rejecting))
            {
                Counters.Refuse();
                Options.Log?.Invoke($"connection from {socket.RemoteEndPoint} refused: {Policy.MaxAssociations} connections open and as many waiting to be rejected (MaxAssociations {Policy.MaxAssociations}); closed without an answer");
                socket.Dispose();
                continue;
            }

            // The TLS handshake (if any) runs on its own task: a slow or silent peer must not hold up the next accept.
            _ = Task.Run(() => OpenAsync(socket, admitted), CancellationToken.None);
        }
    }

    /// <summary>TLS (bounded by ARTIM), then the acceptor's state machine (Sta2) on the connection.</summary>
    private async Task OpenAsync(Socket socket, bool admitted)
    {
        var peer = socket.RemoteEndPoint;
        DicomConnection connection;
        try
        {
            connection = await DicomConnection.AcceptAsync(socket, Options, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TlsHandshakeException or OperationCanceledException or SocketException or ObjectDisposedException)
        {
            socket.Dispose();
            Counters.Fail();
            Release(admitted, accepted: false);
            if (ex is TlsHandshakeException)
            {
                Options.Log?.Invoke($"connection from {peer} closed: {ex.Message}");
            }

            return;
        }

        var accepted = 0;
        bool Admit()
        {
            // Asked last, when the policy accepts: counted before the A-ASSOCIATE-AC leaves.
            if (admitted && Interlocked.Exchange(ref accepted, 1) == 0)
            {
                Interlocked.Increment(ref _established);
            }

            return admitted;
        }

        var association = await DicomAssociation.StartAcceptorAsync(connection, Options, Policy, Admit).ConfigureAwait(false);
        _ = association.Completion.ContinueWith(_ => Release(admitted, Volatile.Read(ref accepted) == 1), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        await WatchAsync(association).ConfigureAwait(false);
    }

    /// <summary>Takes one of <see cref="AcceptancePolicy.MaxAssociations"/> places in <paramref name="count"/> (always, when unlimited).</summary>
    private bool TryTake(ref int count)
    {
        while (true)
        {
            var current = Volatile.Read(ref count);
            if (Policy.MaxAssociations > 0 && current >= Policy.MaxAssociations)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref count, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    private void Release(bool admitted, bool accepted)
    {
        if (accepted)
        {
            Interlocked.Decrement(ref _established);
        }

        if (admitted)
        {
            Interlocked.Decrement(ref _open);
        }
        else
        {
            Interlocked.Decrement(ref _rejecting);
        }
    }

    /// <summary>Hands an established association to the consumer, or waits a failed one out (ARTIM bounds it).</summary>
    private async Task WatchAsync(DicomAssociation association)
    {
        try
        {
            await association.Established.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            if (ex is AssociationRejectedException)
            {
                Counters.Reject();
            }
            else
            {
                Counters.Fail();
            }

            await association.Completion.ConfigureAwait(false);
            await association.DisposeAsync().ConfigureAwait(false);
            return;
        }

        Counters.Establish();
        if (!_accepted.Writer.TryWrite(association))
        {
            await association.DisposeAsync().ConfigureAwait(false);
        }
    }
}
