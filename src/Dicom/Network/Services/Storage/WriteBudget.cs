namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The blocks of <see cref="DeviceWrites.BlockSize"/> bytes one association may have received and not yet written to
/// its storage device. The reader takes one before handing a block to the device threads and the device thread gives it
/// back once the block is written (or dropped): a disk slower than the network fills the budget and the reader then
/// waits, so the peer is slowed by TCP flow control instead of the SCP buffering without limit.
/// </summary>
public sealed class WriteBudget : IDisposable
{
    /// <summary>16 blocks of 256 KiB: 4 MiB queued per association, enough to ride out an fsync or a busy index.</summary>
    public const int DefaultBlocks = 16;

    private readonly SemaphoreSlim _blocks;

    public WriteBudget(int blocks = DefaultBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        _blocks = new SemaphoreSlim(blocks, blocks);
        Blocks = blocks;
    }

    public int Blocks { get; }

    /// <summary>Blocks queued and not yet written.</summary>
    public int InUse => Blocks - _blocks.CurrentCount;

    /// <summary>Completes at once while the budget lasts; else when a block has been written.</summary>
    public Task TakeAsync(CancellationToken cancellationToken) => _blocks.WaitAsync(cancellationToken);

    public void Return() => _blocks.Release();

    public void Dispose() => _blocks.Dispose();
}
