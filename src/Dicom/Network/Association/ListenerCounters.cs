namespace Conformance.Dicom.Network.Association;

/// <summary>Outcomes of the connections a <see cref="DicomListener"/> accepted.</summary>
public sealed class ListenerCounters
{
    private long _connections;
    private long _established;
    private long _rejected;
    private long _failed;
    private long _refused;

    public long Connections => Interlocked.Read(ref _connections);

    public long Established => Interlocked.Read(ref _established);

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Aborted, timed out or broken before establishment.</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Closed at once: over <see cref="Negotiation.AcceptancePolicy.MaxAssociations"/> with as many already waiting for their rejection.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    internal void Connection() => Interlocked.Increment(ref _connections);

    internal void Establish() => Interlocked.Increment(ref _established);

    internal void Reject() => Interlocked.Increment(ref _rejected);

    internal void Fail() => Interlocked.Increment(ref _failed);

    internal void Refuse() => Interlocked.Increment(ref _refused);
}
