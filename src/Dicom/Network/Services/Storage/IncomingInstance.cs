namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>One instance being received. Dispose without <see cref="CompleteAsync"/> to discard it.</summary>
public abstract class IncomingInstance : IAsyncDisposable
{
    public long Length { get; protected set; }

    public abstract ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Closes the instance and makes it visible under its final location; <paramref name="durable"/> adds fsync first.</summary>
    public abstract ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken);

    /// <summary>Removes a completed instance again (its index row could not be committed).</summary>
    public abstract void Revert();

    public abstract ValueTask DisposeAsync();
}
