namespace Conformance.Dicom.Network.Association;

/// <summary>
/// Where the data set of an incoming message goes, chosen after its command set arrived. Fragments
/// are slices of the association's receive buffer: copy them before the returned task completes.
/// </summary>
public interface IMessageDataSink
{
    ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct);

    /// <summary>The last fragment arrived.</summary>
    ValueTask CompleteAsync(CancellationToken ct);

    /// <summary>The association ended before the last fragment; drop what was written.</summary>
    ValueTask AbandonAsync(Exception reason);
}
