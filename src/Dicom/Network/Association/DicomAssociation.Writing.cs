using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using Conformance.Dicom.Network.Pdus;

namespace Conformance.Dicom.Network.Association;

/// <summary>Writing to the socket: one send per PDU or batch of PDUs, under the socket lock.</summary>
public sealed partial class DicomAssociation
{
    /// <summary>Serialises writes; local events fire under it too (see <see cref="UpperLayerDriver"/>).</summary>
    internal SemaphoreSlim SocketLock { get; } = new(1, 1);

    /// <summary>
    /// Event 9 for <paramref name="pduCount"/> P-DATA-TF PDUs laid out in <paramref name="bytes"/> (DT-1/AR-7 send
    /// them; any other state refuses). With <paramref name="splitAt"/> &gt; 0 the bytes go out as two sends.
    /// </summary>
    internal ValueTask WriteDataAsync(ReadOnlyMemory<byte> bytes, int pduCount, int splitAt, CancellationToken ct) =>
        _driver.FireLocalAsync(new DataRequested(bytes, pduCount, splitAt), ct);

    /// <summary>Encodes a PDU and sends it with one socket call, taking the socket lock unless the caller holds it.</summary>
    internal async ValueTask SendPduAsync(IPdu pdu, bool socketHeld)
    {
        if (!socketHeld)
        {
            await SocketLock.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        }

        try
        {
            await WritePduLockedAsync(pdu).ConfigureAwait(false);
        }
        finally
        {
            if (!socketHeld)
            {
                SocketLock.Release();
            }
        }
    }

    /// <summary>DT-1/AR-7: the P-DATA-TF bytes, with the socket lock held. A failure surfaces as the association's failure when there is one.</summary>
    internal async ValueTask WriteDataLockedAsync(DataRequested data, CancellationToken ct)
    {
        var connection = _connection!;
        try
        {
            if (connection.IsClosed)
            {
                ThrowIfEnded();
                throw new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, false, State, _peerAe, "transport connection closed while sending");
            }

            if (data.SplitAt > 0)
            {
                await SendLockedAsync(data.Bytes[..data.SplitAt], ct).ConfigureAwait(false);
                await SendLockedAsync(data.Bytes[data.SplitAt..], ct).ConfigureAwait(false);
            }
            else
            {
                await SendLockedAsync(data.Bytes, ct).ConfigureAwait(false);
            }

            connection.Counters.AddPdusSent(data.PduCount);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            CloseTransport();
            ThrowIfEnded();
            throw new AssociationAbortedException(AbortSource.ServiceProvider, AbortReason.NotSpecified, true, State, _peerAe, "transport connection failed while sending", ex);
        }

        Options.Monitor?.PduSent(PduType.DataTransfer, data.Bytes.Length, Stopwatch.GetTimestamp());
    }

    private async ValueTask WritePduLockedAsync(IPdu pdu)
    {
        var length = pdu.EncodedLength;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            pdu.Write(buffer);
            await SendLockedAsync(buffer.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
            _connection!.Counters.AddPdusSent(1);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException or OperationCanceledException)
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

    private async ValueTask SendLockedAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        await _connection!.SendAsync(bytes, ct).ConfigureAwait(false);
        Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());
    }

    internal void CloseTransport() => _connection?.Close();
}
