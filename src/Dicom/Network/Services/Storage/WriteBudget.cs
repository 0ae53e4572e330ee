namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The blocks of <see cref="DeviceWrites.BlockSize"/> bytes one association may have received and not yet written to
/// its storage device. The reader takes one before handing a block to the device threads and the device thread gives it
/// back once the block is written (or dropped): a disk slower than the network fills the budget and the reader then
/// waits, so the peer is slowed by TCP flow control instead of the SCP buffering without limit. Each association's
/// budget also draws on one budget shared by all associations of the SCP (<see cref="ServerBlocks"/>): the blocks are
/// rented only while in flight, but N associations to one disk slower than the network would otherwise hold N full
/// budgets at once (measured: 4.5-6 MB of SCP memory per concurrent association, 256 MB at 32), and the disk drains
/// no faster for it.
/// </summary>
public sealed class WriteBudget : IDisposable
{
    /// <summary>16 blocks of 256 KiB: 4 MiB queued per association, enough to ride out an fsync or a busy index.</summary>
    public const int DefaultBlocks = 16;

    /// <summary>32 blocks of 256 KiB: 8 MiB queued for all associations of one SCP together, two full budgets.</summary>
    public const int ServerBlocks = 32;

    private readonly SemaphoreSlim _blocks;
    private readonly WriteBudget? _shared;

    /// <param name="blocks">This budget's blocks.</param>
    /// <param name="shared">A budget every block taken here also takes a block of (null: none).</param>
    public WriteBudget(int blocks = DefaultBlocks, WriteBudget? shared = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blocks, 1);
        _blocks = new SemaphoreSlim(blocks, blocks);
        _shared = shared;
        Blocks = blocks;
    }

    public int Blocks { get; }

    /// <summary>Blocks queued and not yet written.</summary>
    public int InUse => Blocks - _blocks.CurrentCount;

    /// <summary>Completes at once while the budget (and the shared one) lasts; else when a block has been written.</summary>
    public async Task TakeAsync(CancellationToken cancellationToken)
    {
        await _blocks.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_shared is null)
        {
            return;
        }

        try
        {
            // Blocks already queued (this association's or others') are written without waiting for any budget, so
            // the shared blocks always come back.
            await _shared.TakeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _blocks.Release();
            throw;
        }
    }

    public void Return()
    {
        _shared?.Return();
        _blocks.Release();
    }

    public void Dispose() => _blocks.Dispose();
}
