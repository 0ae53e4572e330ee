namespace Conformance.Scp.Storage;

/// <summary>
/// An instance being written under <c>.incoming/</c>; completing renames it into place. An earlier file of the same
/// name is first renamed aside (<c>.incoming/&lt;name&gt;.previous</c>): <see cref="Commit"/> deletes it,
/// <see cref="Revert"/> renames it back. Renames within one file system are atomic, so no step can lose both.
/// Every method runs on a storage I/O thread (<see cref="Conformance.Dicom.Network.Services.Storage.IInstanceStorage.WritesToDevice"/>) and does its file I/O
/// synchronously: on Unix a FileStream's WriteAsync/FlushAsync are thread-pool work items even for a synchronous
/// handle, so awaiting them would park the I/O thread while a pool thread did the same system call.
/// </summary>
internal sealed class DiskIncomingInstance(DiskInstanceStorage storage, FileStream stream, string temporary, string final)
    : Conformance.Dicom.Network.Services.Storage.IncomingInstance
{
    private IDisposable? _lock;
    private string? _previous;
    private bool _closed;
    private bool _published;

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        stream.Write(data.Span);
        Length += data.Length;
        return ValueTask.CompletedTask;
    }

    public override async ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
    {
        stream.Flush(flushToDisk: durable);
        stream.Dispose();
        _closed = true;
        _lock = await storage.Locks.AcquireAsync(final, cancellationToken).ConfigureAwait(false);
        try
        {
            if (File.Exists(final))
            {
                var aside = storage.SetAsidePath(final);
                File.Move(final, aside, overwrite: true);
                _previous = aside;
            }

            // Nothing is at the final name now and the replacement lock keeps it so: one rename(2), where a move that
            // refuses to overwrite costs link(2) and unlink(2).
            File.Move(temporary, final, overwrite: true);
            _published = true;
            if (durable)
            {
                // The rename is durable only once the directory holding the new entry is flushed.
                DirectorySync.Flush(Path.GetDirectoryName(final)!);
            }

            return final;
        }
        catch
        {
            Revert();
            throw;
        }
    }

    public override void Commit()
    {
        if (_previous is not null)
        {
            File.Delete(_previous);
            _previous = null;
        }

        Release();
    }

    public override void Revert()
    {
        if (_published)
        {
            File.Delete(final);
            _published = false;
        }

        if (_previous is not null)
        {
            File.Move(_previous, final, overwrite: true);
            _previous = null;
        }

        Release();
    }

    public override ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            stream.Dispose();
        }

        if (_lock is not null)
        {
            Revert();
        }

        if (!_published)
        {
            File.Delete(temporary);
        }

        return ValueTask.CompletedTask;
    }

    private void Release()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
