using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Conformance.Dicom.Network.Security;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// One TCP connection carrying an association, plain or inside TLS (PS3.15 B): tuned per
/// <see cref="ConnectionOptions"/>, counting bytes, re-arming TCP_QUICKACK around every receive. With TLS the
/// socket keeps its tuning and each send is still one write (one or more TLS records).
/// </summary>
public sealed class DicomConnection : IDisposable
{
    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private int _closed;

    private DicomConnection(Socket socket, ConnectionOptions options, SslStream? tls, TlsSession? session)
    {
        _socket = socket;
        _tls = tls;
        Options = options;
        Tls = session;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
    }

    public ConnectionOptions Options { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    public IPEndPoint? LocalEndPoint { get; }

    /// <summary>The TLS session; null on a plain connection.</summary>
    public TlsSession? Tls { get; }

    public TransportCounters Counters { get; } = new();

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>For tests that read socket options back.</summary>
    internal Socket Socket => _socket;

    /// <summary>
    /// Connects within <see cref="ConnectionOptions.ConnectTimeout"/> (a timeout raises <see cref="TimeoutException"/>),
    /// then runs the TLS handshake when <see cref="ConnectionOptions.TlsClient"/> is set (<see cref="TlsHandshakeException"/>).
    /// </summary>
    /// <remarks>
    /// A refused connection is tried again after each of <see cref="ConnectionOptions.RefusedConnectRetryDelays"/>
    /// (each retry logged); the last refusal is thrown.
    /// </remarks>
    public static async Task<DicomConnection> ConnectAsync(string host, int port, ConnectionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await ConnectOnceAsync(host, port, options, ct).ConfigureAwait(false);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused && attempt < options.RefusedConnectRetryDelays.Count)
            {
                var delay = options.RefusedConnectRetryDelays[attempt];
                options.Log?.Invoke($"{host}:{port} refused the connection (attempt {attempt + 1} of {options.RefusedConnectRetryDelays.Count + 1}); trying again in {(int)delay.TotalMilliseconds} ms");
                await Task.Delay(delay, ct).ConfigureAwait(false);
            }
        }
    }

    private static async Task<DicomConnection> ConnectOnceAsync(string host, int port, ConnectionOptions options, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            SocketTuning.BeforeConnect(socket, options);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.ConnectTimeout);
            try
            {
                await socket.ConnectAsync(host, port, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"TCP connection to {host}:{port} not established within {options.ConnectTimeout.TotalSeconds:0.###} s");
            }

            SocketTuning.AfterConnect(socket, options);
            if (options.TlsClient is not { } tls)
            {
                return new DicomConnection(socket, options, null, null);
            }

            var (stream, session) = await TlsHandshake.ConnectAsync(socket, tls, host, options.ConnectTimeout, ct).ConfigureAwait(false);
            return new DicomConnection(socket, options, stream, session);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a socket returned by a listener's accept (plain TCP).</summary>
    public static DicomConnection FromAccepted(Socket socket, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        SocketTuning.AfterConnect(socket, options);
        return new DicomConnection(socket, options, null, null);
    }

    /// <summary>
    /// Wraps an accepted socket; with <see cref="ConnectionOptions.TlsServer"/> set, runs the TLS handshake first,
    /// bounded by <see cref="ConnectionOptions.ArtimTimeout"/> (the socket is closed if it fails).
    /// </summary>
    /// <exception cref="TlsHandshakeException">The handshake failed or did not complete in time.</exception>
    public static async Task<DicomConnection> AcceptAsync(Socket socket, ConnectionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        if (options.TlsServer is not { } tls)
        {
            return FromAccepted(socket, options);
        }

        try
        {
            SocketTuning.AfterConnect(socket, options);
            var (stream, session) = await TlsHandshake.AcceptAsync(socket, tls, options.ArtimTimeout, ct).ConfigureAwait(false);
            return new DicomConnection(socket, options, stream, session);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Receives at least one byte; 0 means the peer closed its side.</summary>
    public async ValueTask<int> ReceiveAsync(Memory<byte> destination, CancellationToken ct)
    {
        SocketTuning.ArmQuickAck(_socket, Options);
        var received = _tls is null
            ? await _socket.ReceiveAsync(destination, SocketFlags.None, ct).ConfigureAwait(false)
            : await ReceiveTlsAsync(_tls, destination, ct).ConfigureAwait(false);
        if (received > 0)
        {
            Counters.AddReceivedBytes(received);
            SocketTuning.ArmQuickAck(_socket, Options);
        }

        return received;
    }

    /// <summary>Sends the whole buffer with one socket call (the kernel may still take several turns for very large buffers); with TLS, one write of the stream.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        if (_tls is not null)
        {
            await _tls.WriteAsync(buffer, ct).ConfigureAwait(false);
        }
        else
        {
            var sent = 0;
            while (sent < buffer.Length)
            {
                sent += await _socket.SendAsync(buffer[sent..], SocketFlags.None, ct).ConfigureAwait(false);
            }
        }

        Counters.AddSendCall(buffer.Length);
    }

    /// <summary>Half-closes (FIN after what was written) then releases the socket; idempotent.</summary>
    public void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already reset by the peer: nothing left to flush.
        }
        catch (ObjectDisposedException)
        {
        }

        _tls?.Dispose();
        _socket.Dispose();
    }

    public void Dispose() => Close();

    /// <summary>A TLS alert after the handshake (TLS 1.3 reports a refused client certificate only now) is a broken transport, like a reset.</summary>
    private static async ValueTask<int> ReceiveTlsAsync(SslStream tls, Memory<byte> destination, CancellationToken ct)
    {
        try
        {
            return await tls.ReadAsync(destination, ct).ConfigureAwait(false);
        }
        catch (AuthenticationException ex)
        {
            throw new IOException("TLS: " + ex.Message, ex);
        }
    }
}
