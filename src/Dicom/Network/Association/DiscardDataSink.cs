namespace Conformance.Dicom.Network.Association;

/// <summary>Drops the data set (its length is still reported in <see cref="IncomingMessage.DataLength"/>).</summary>
public sealed class DiscardDataSink : IMessageDataSink
{
    public static DiscardDataSink Instance { get; } = new();

    public ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask CompleteAsync(CancellationToken ct) => ValueTask.CompletedTask;

    public ValueTask AbandonAsync(Exception reason) => ValueTask.CompletedTask;
}
