using System.Net;
using System.Net.Sockets;

namespace Conformance.Dicom.Network.Transport;

/// <summary>
/// One TCP connection carrying an association: tuned per <see cref="ConnectionOptions"/>, counting
/// bytes, re-arming TCP_QUICKACK around every receive.
/// </summary>
public sealed class DicomConnection : IDisposable
{
    private readonly Socket _socket;
    private int _closed;

    private DicomConnection(Socket socket, ConnectionOptions options)
    {
        _socket = socket;
        Options = options;
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        LocalEndPoint = socket.LocalEndPoint as IPEndPoint;
    }

    public ConnectionOptions Options { get; }

    public IPEndPoint? RemoteEndPoint { get; }

    public IPEndPoint? LocalEndPoint { get; }

    public TransportCounters Counters { get; } = new();

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    /// <summary>Connects within <see cref="ConnectionOptions.ConnectTimeout"/>; a timeout raises <see cref="TimeoutException"/>.</summary>
    public static async Task<DicomConnection> ConnectAsync(string host, int port, ConnectionOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
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
            return new DicomConnection(socket, options);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Wraps a socket returned by a listener's accept.</summary>
    public static DicomConnection FromAccepted(Socket socket, ConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(options);
        SocketTuning.AfterConnect(socket, options);
        return new DicomConnection(socket, options);
    }

    /// <summary>Receives at least one byte; 0 means the peer closed its side.</summary>
    public async ValueTask<int> ReceiveAsync(Memory<byte> destination, CancellationToken ct)
    {
        SocketTuning.ArmQuickAck(_socket, Options);
        var received = await _socket.ReceiveAsync(destination, SocketFlags.None, ct).ConfigureAwait(false);
        if (received > 0)
        {
            Counters.AddReceivedBytes(received);
            SocketTuning.ArmQuickAck(_socket, Options);
        }

        return received;
    }

    /// <summary>Sends the whole buffer with one socket call (the kernel may still take several turns for very large buffers).</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct)
    {
        if (buffer.IsEmpty)
        {
            return;
        }

        var sent = 0;
        while (sent < buffer.Length)
        {
            sent += await _socket.SendAsync(buffer[sent..], SocketFlags.None, ct).ConfigureAwait(false);
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

        _socket.Dispose();
    }

    public void Dispose() => Close();
}
