using System.Buffers.Binary;
using System.Net.Sockets;
using Conformance.Dicom;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Harness.Matrix.Wire;

/// <summary>
/// An association driven PDU by PDU from our PDU types, with no upper-layer state machine to keep it
/// honest: for scripted peers that misbehave on purpose (and test doubles of a broken stack). One
/// presentation context (id 1) for one SOP class in one transfer syntax.
/// </summary>
public sealed class RawAssociation : IDisposable
{
    private readonly Socket _socket;

    private RawAssociation(Socket socket, uint peerMaxLength)
    {
        _socket = socket;
        PeerMaxLength = peerMaxLength;
    }

    /// <summary>The maximum P-DATA-TF variable field the acceptor announced (0: unlimited).</summary>
    public uint PeerMaxLength { get; }

    public static async Task<RawAssociation> OpenAsync(
        string host, int port, string calledAe, string callingAe, string sopClassUid, string transferSyntaxUid, uint maxLength, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
            var request = new AssociateRequestPdu(calledAe, callingAe, new ApplicationContextItem(ApplicationContextItem.DicomApplicationContext),
                [new PresentationContextRequestItem(1, sopClassUid, [transferSyntaxUid])],
                new UserInformationItem { MaximumLength = new MaximumLengthItem(maxLength), ImplementationClassUid = new ImplementationClassUidItem(DicomImplementation.ClassUid) });
            var association = new RawAssociation(socket, 0);
            await association.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var (type, body) = await association.ReceiveAsync(cancellationToken).ConfigureAwait(false);
            var accept = type == (byte)PduType.AssociateAccept ? AssociateAcceptPdu.Parse(body) : null;
            if (accept is null || !accept.PresentationContexts.Any(c => c.Id == 1 && c.Result == PresentationContextResult.Acceptance))
            {
                throw new InvalidOperationException($"the peer did not accept {sopClassUid} in {transferSyntaxUid} (PDU type {type})");
            }

            return new RawAssociation(socket, accept.UserInformation.MaximumLength?.MaximumLength ?? 0);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(IPdu pdu, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        var bytes = new byte[pdu.EncodedLength];
        pdu.Write(bytes);
        await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next PDU's type and body; throws <see cref="IOException"/> when the peer closed the connection.</summary>
    public async Task<(byte Type, byte[] Body)> ReceiveAsync(CancellationToken cancellationToken)
    {
        var header = new byte[6];
        await ReceiveExactlyAsync(header, cancellationToken).ConfigureAwait(false);
        var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(2))];
        await ReceiveExactlyAsync(body, cancellationToken).ConfigureAwait(false);
        return (header[0], body);
    }

    public void Close() => _socket.Close();

    public void Dispose() => _socket.Dispose();

    private async Task ReceiveExactlyAsync(byte[] buffer, CancellationToken cancellationToken)
    {
        for (var read = 0; read < buffer.Length;)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            read += n > 0 ? n : throw new IOException("the peer closed the connection");
        }
    }
}
