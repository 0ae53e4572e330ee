namespace Conformance.Dicom.Network.Association;

/// <summary>Writes the data set to a stream (e.g. a file opened by the storage layer), flushing on completion.</summary>
public sealed class StreamDataSink(Stream stream) : IMessageDataSink
{
    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct) => stream.WriteAsync(fragment, ct);

    public async ValueTask CompleteAsync(CancellationToken ct) => await stream.FlushAsync(ct).ConfigureAwait(false);

    public ValueTask AbandonAsync(Exception reason) => ValueTask.CompletedTask;
}
