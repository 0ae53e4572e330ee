using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>
/// A TCP relay between two DICOM applications that reads every PDU passing through (PS3.8 9.3): which side
/// sent it, its length, its PDVs, and the A-ASSOCIATE fields that bound them. It judges what it saw against
/// what was negotiated (<see cref="Violations"/>): a P-DATA-TF longer than the receiver's announced maximum,
/// a PDV on a presentation context that was not accepted, a command set whose group length is wrong. Each
/// PDU is forwarded whole once read; a rewrite function may change it first (fault injection: deliberately
/// broken variants in tests), and the tap records what it forwards.
/// </summary>
public sealed class PduTap : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly Func<bool, byte, byte[], byte[]>? _rewrite;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ObservedPdu> _pdus = [];
    private readonly Dictionary<(int, bool), AssociateFields> _associates = [];
    private readonly List<Sut.Rejection> _rejections = [];
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _connectionCount;

    private PduTap(IPAddress listen, string targetHost, int targetPort, Func<bool, byte, byte[], byte[]>? rewrite)
    {
        _rewrite = rewrite;
        _listener = new TcpListener(listen, 0);
        _listener.Start();
        _targetHost = targetHost;
        _targetPort = targetPort;
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>
    /// Listens on <paramref name="listen"/> (a free port) and relays each connection to the target; <paramref name="rewrite"/>
    /// (from requestor?, PDU type, body) -> body changes a PDU before it is forwarded.
    /// </summary>
    public static PduTap Start(IPAddress listen, string targetHost, int targetPort, Func<bool, byte, byte[], byte[]>? rewrite = null) =>
        new(listen, targetHost, targetPort, rewrite);

    public IReadOnlyList<ObservedPdu> Pdus
    {
        get
        {
            lock (_pdus)
            {
                return [.. _pdus];
            }
        }
    }

    /// <summary>Every A-ASSOCIATE-RJ that passed (result, source, reason as on the wire).</summary>
    public IReadOnlyList<Sut.Rejection> Rejections
    {
        get
        {
            lock (_pdus)
            {
                return [.. _rejections];
            }
        }
    }

    /// <summary>The A-ASSOCIATE-RQ (requestor) or -AC (acceptor) fields of a connection, if seen.</summary>
    public AssociateFields? Associate(int connection, bool fromRequestor)
    {
        lock (_pdus)
        {
            return _associates.GetValueOrDefault((connection, fromRequestor));
        }
    }

    /// <summary>The largest P-DATA-TF variable field one side sent (0 when it sent none).</summary>
    public int LargestDataTransfer(bool fromRequestor) =>
        Pdus.Where(p => p.Type == ObservedPdu.DataTransfer && p.FromRequestor == fromRequestor).Select(p => p.Length).DefaultIfEmpty(0).Max();

    /// <summary>Everything that broke what was negotiated, one line each; empty when the exchange kept to it.</summary>
    public IReadOnlyList<string> Violations() => TapJudge.Violations(Pdus, Associate);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var connection = Interlocked.Increment(ref _connectionCount);
            lock (_connections)
            {
                _connections.Add(RelayAsync(client, connection));
            }
        }
    }

    private async Task RelayAsync(Socket client, int connection)
    {
        using (client)
        using (var server = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true })
        {
            client.NoDelay = true;
            try
            {
                await server.ConnectAsync(_targetHost, _targetPort, _stop.Token).ConfigureAwait(false);
                await Task.WhenAll(PumpAsync(client, server, connection, true), PumpAsync(server, client, connection, false)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
            {
                // Either side closing or aborting ends the relay; what was seen is already recorded.
            }
        }
    }

    private async Task PumpAsync(Socket from, Socket to, int connection, bool fromRequestor)
    {
        var header = new byte[6];
        while (true)
        {
            if (!await ReadExactlyAsync(from, header).ConfigureAwait(false))
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(2));
            var body = new byte[Math.Max(0, length)];
            var complete = await ReadExactlyAsync(from, body).ConfigureAwait(false);
            if (_rewrite is not null && complete)
            {
                body = _rewrite(fromRequestor, header[0], body);
                BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(2), body.Length);
            }

            Record(connection, fromRequestor, header[0], body);
            await to.SendAsync(header, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            await to.SendAsync(body, SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (!complete)
            {
                to.Shutdown(SocketShutdown.Send);
                return;
            }
        }
    }

    private async Task<bool> ReadExactlyAsync(Socket socket, byte[] buffer)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, _stop.Token).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }

            read += n;
        }

        return true;
    }

    private void Record(int connection, bool fromRequestor, byte type, byte[] body)
    {
        var pdvs = type == ObservedPdu.DataTransfer ? TapJudge.ReadPdvs(body) : [];
        lock (_pdus)
        {
            _pdus.Add(new ObservedPdu(connection, fromRequestor, type, body.Length, pdvs));
            if (type is ObservedPdu.AssociateRequest or ObservedPdu.AssociateAccept)
            {
                _associates[(connection, fromRequestor)] = AssociateFields.Parse(body);
            }
            else if (type == ObservedPdu.AssociateReject && body.Length >= 4)
            {
                _rejections.Add(new Sut.Rejection(body[1], body[2], body[3]));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).ConfigureAwait(false);
        _stop.Dispose();
    }
}
