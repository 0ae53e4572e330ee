namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// One instance being received. Its life: <see cref="WriteAsync"/> the Part 10 bytes; <see cref="CompleteAsync"/> makes it
/// visible under its final location, setting aside (not removing) an instance stored earlier under the same SOP Instance
/// UID; then exactly one of <see cref="Commit"/> (the store stands: what was set aside is removed) or <see cref="Revert"/>
/// (the store failed: the new instance goes, the earlier one comes back). Disposed before completion it leaves nothing;
/// disposed after completion without either, it reverts.
/// </summary>
public abstract class IncomingInstance : IAsyncDisposable
{
    public long Length { get; protected set; }

    public abstract ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken);

    /// <summary>Closes the instance and publishes it under its final location; <paramref name="durable"/> adds fsync first.</summary>
    public abstract ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken);

    /// <summary>The store stands (its index row is committed): the instance it replaced, if any, is removed.</summary>
    public abstract void Commit();

    /// <summary>The store failed after completion: removes the new instance and puts back the one it replaced, if any.</summary>
    public abstract void Revert();

    public abstract ValueTask DisposeAsync();
}
