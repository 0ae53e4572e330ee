using System.Buffers;
using System.Diagnostics;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>Writing to the socket: one send per PDU or batch of PDUs, under the socket lock.</summary>
public sealed partial class DicomAssociation
{
    /// <summary>Encodes a PDU and sends it with one socket call; takes the socket lock.</summary>
    private async ValueTask WritePduAsync(IPdu pdu)
    {
        await _socketLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await WritePduLockedAsync(pdu).ConfigureAwait(false);
        }
        finally
        {
            _socketLock.Release();
        }
    }

    private async ValueTask WritePduLockedAsync(IPdu pdu)
    {
        var length = pdu.EncodedLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            pdu.Write(buffer);
            await SendLockedAsync(buffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
            _connection.Counters.AddPdusSent(1);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The peer is gone; the reader sees the transport close (event 17).
            CloseTransport();
            return;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        Options.Monitor?.PduSent(pdu.Type, length, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Sends ready P-DATA-TF PDUs. <paramref name="pduCount"/> PDUs complete in this write (0 for the
    /// first half of a split write). A failure surfaces as the association's failure when there is one.
    /// </summary>
    internal async ValueTask WriteDataAsync(ReadOnlyMemory<byte> bytes, int pduCount, CancellationToken ct)
    {
        await _socketLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_connection.IsClosed)
            {
                ThrowIfEnded();
                throw new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, State, _peerAe, "transport connection closed while sending");
            }

            await SendLockedAsync(bytes, ct).ConfigureAwait(false);
            _connection.Counters.AddPdusSent(pduCount);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or System.Net.Sockets.SocketException)
        {
            CloseTransport();
            ThrowIfEnded();
            throw new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, true, State, _peerAe, "transport connection failed while sending", ex);
        }
        finally
        {
            _socketLock.Release();
        }

        if (pduCount > 0 && Options.Monitor is { } monitor)
        {
            monitor.PduSent(PduType.DataTransfer, bytes.Length, Stopwatch.GetTimestamp());
        }
    }

    private async ValueTask SendLockedAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await _connection.SendAsync(bytes, ct).ConfigureAwait(false);
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
    }
}
