using System.Buffers.Binary;
using System.Net.Sockets;
using System.Net;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Unit.Tests.Dicom.Network;

/// <summary>
/// A scripted raw peer on a real loopback socket: it sends exact bytes and reads whole PDUs, so
/// tests can drive our association into every state and answer with anything, valid or not.
/// </summary>
internal sealed class Parrot : IDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly Socket _socket;

    private Parrot(Socket socket)
    {
        _socket = socket;
        _socket.NoDelay = true;
    }

    /// <summary>A listening parrot (our SCU connects to it).</summary>
    public sealed class Listener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public Listener()
        {
            _listener.Start();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public async Task<Parrot> AcceptAsync()
        {
            using var cts = new CancellationTokenSource(Bound);
            return new Parrot(await _listener.AcceptSocketAsync(cts.Token));
        }

        public void Dispose() => _listener.Stop();
    }

    /// <summary>A connecting parrot (our listener accepts it).</summary>
    public static async Task<Parrot> ConnectAsync(int port)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new Parrot(socket);
    }

    public Task SendAsync(byte[] bytes) => _socket.SendAsync(bytes, SocketFlags.None);

    public Task SendAsync(IPdu pdu)
    {
        var bytes = new byte[pdu.EncodedLength];
        pdu.Write(bytes);
        return SendAsync(bytes);
    }

    /// <summary>Reads one whole PDU (type and body); fails the test if the connection closes first.</summary>
    public async Task<(PduType Type, byte[] Body)> ReadPduAsync()
    {
        var header = await ReadExactAsync(6) ?? throw new AssertionException("connection closed before a PDU");
        var length = BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(2));
        var body = await ReadExactAsync((int)length) ?? throw new AssertionException("connection closed inside a PDU");
        return ((PduType)header[0], body);
    }

    public async Task<T> ReadAsync<T>()
        where T : IPdu
    {
        var (type, body) = await ReadPduAsync();
        return (T)PduDecoder.Decode(type, body);
    }

    /// <summary>Reads an A-ABORT and returns it.</summary>
    public Task<AbortPdu> ReadAbortAsync() => ReadAsync<AbortPdu>();

    /// <summary>True when the peer closed the connection (EOF) within the bound, skipping nothing.</summary>
    public async Task<bool> IsClosedAsync()
    {
        var one = new byte[1];
        using var cts = new CancellationTokenSource(Bound);
        try
        {
            return await _socket.ReceiveAsync(one, SocketFlags.None, cts.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Close() => _socket.Close();

    public void Dispose() => _socket.Dispose();

    /// <summary>An A-ASSOCIATE-AC accepting every context of <paramref name="request"/> with its first transfer syntax.</summary>
    public static AssociateAcceptPdu AcceptAll(AssociateRequestPdu request, uint maxPdu = 16384) => new(
        request.CalledAe,
        request.CallingAe,
        request.ApplicationContext,
        [.. request.PresentationContexts.Select(pc => new PresentationContextAcceptItem(pc.Id, PresentationContextResult.Acceptance, pc.TransferSyntaxes[0]))],
        new UserInformationItem { MaximumLength = new MaximumLengthItem(maxPdu), ImplementationClassUid = new ImplementationClassUidItem("1.2.3"), ImplementationVersionName = new ImplementationVersionNameItem("PARROT") });

    public static AssociateRequestPdu VerificationRequest(string called = "OURSCP", string calling = "PARROT", ushort protocolVersion = 1, string applicationContext = ApplicationContextItem.DicomApplicationContext) => new(
        called,
        calling,
        new ApplicationContextItem(applicationContext),
        [new PresentationContextRequestItem(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])],
        new UserInformationItem { MaximumLength = new MaximumLengthItem(16384), ImplementationClassUid = new ImplementationClassUidItem("1.2.3") },
        protocolVersion);

    private async Task<byte[]?> ReadExactAsync(int count)
    {
        var buffer = new byte[count];
        var done = 0;
        using var cts = new CancellationTokenSource(Bound);
        while (done < count)
        {
            int n;
            try
            {
                n = await _socket.ReceiveAsync(buffer.AsMemory(done), SocketFlags.None, cts.Token);
            }
            catch (SocketException)
            {
                return null;
            }

            if (n == 0)
            {
                return null;
            }

            done += n;
        }

        return buffer;
    }
}
