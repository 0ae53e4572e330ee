namespace Conformance.Dicom.Network.Transport;

/// <summary>PDUs and bytes through one association's socket; read at any time.</summary>
public sealed class TransportCounters
{
    private long _pdusSent;
    private long _pdusReceived;
    private long _bytesSent;
    private long _bytesReceived;
    private long _sendCalls;
    private long _messagesSent;

    public long PdusSent => Interlocked.Read(ref _pdusSent);

    public long PdusReceived => Interlocked.Read(ref _pdusReceived);

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>Socket send calls: with batching, fewer than <see cref="PdusSent"/>.</summary>
    public long SendCalls => Interlocked.Read(ref _sendCalls);

    /// <summary>DIMSE messages started on this connection.</summary>
    public long MessagesSent => Interlocked.Read(ref _messagesSent);

    /// <summary>Counts a message being sent; returns its 1-based number on the connection.</summary>
    internal long CountMessageSent() => Interlocked.Increment(ref _messagesSent);

    internal void AddSent(int pdus, int bytes)
    {
        Interlocked.Add(ref _pdusSent, pdus);
        Interlocked.Add(ref _bytesSent, bytes);
        Interlocked.Increment(ref _sendCalls);
    }

    internal void AddSendCall(int bytes)
    {
        Interlocked.Add(ref _bytesSent, bytes);
        Interlocked.Increment(ref _sendCalls);
    }

    internal void AddPdusSent(int pdus) => Interlocked.Add(ref _pdusSent, pdus);

    internal void AddReceivedBytes(int bytes) => Interlocked.Add(ref _bytesReceived, bytes);

    internal void AddReceivedPdu() => Interlocked.Increment(ref _pdusReceived);

    public override string ToString() =>
        $"sent {PdusSent} PDUs / {BytesSent} bytes in {SendCalls} sends, received {PdusReceived} PDUs / {BytesReceived} bytes";
}
