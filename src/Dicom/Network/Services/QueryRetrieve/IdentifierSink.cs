using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.QueryRetrieve;

/// <summary>
/// Collects the identifier of a C-FIND/C-MOVE/C-GET request in memory, at most <paramref name="limit"/> bytes: past
/// that it keeps nothing and reads the rest of the data set to its end (the association goes on), and the request is
/// refused (<see cref="QueryRetrieveRequest.Read(string, IMessageDataSink?, Conformance.Dicom.IO.DicomTransferSyntax, Dimse.DimseStatus)"/>).
/// </summary>
public sealed class IdentifierSink(int limit) : IMessageDataSink
{
    private readonly MemoryDataSink _collected = new(Math.Min(limit, 4096));

    public int Limit => limit;

    /// <summary>Bytes the peer sent, kept or not.</summary>
    public long ReceivedLength { get; private set; }

    public bool Overflowed { get; private set; }

    public ReadOnlyMemory<byte> Data => Overflowed ? ReadOnlyMemory<byte>.Empty : _collected.Data;

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct)
    {
        ReceivedLength += fragment.Length;
        if (Overflowed || ReceivedLength > limit)
        {
            Overflowed = true;
            return ValueTask.CompletedTask;
        }

        return _collected.WriteAsync(fragment, ct);
    }

    public ValueTask CompleteAsync(CancellationToken ct) => _collected.CompleteAsync(ct);

    public ValueTask AbandonAsync(Exception reason) => _collected.AbandonAsync(reason);
}
