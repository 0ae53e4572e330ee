namespace Conformance.Scp.Storage;

/// <summary>
/// An instance being written under <c>.incoming/</c>; completing renames it into place. An earlier file of the same
/// name is first renamed aside (<c>.incoming/&lt;name&gt;.previous</c>): <see cref="Commit"/> deletes it,
/// <see cref="Revert"/> renames it back. Renames within one file system are atomic, so no step can lose both.
/// </summary>
internal sealed class DiskIncomingInstance(DiskInstanceStorage storage, FileStream stream, string temporary, string final)
    : Conformance.Dicom.Network.Services.Storage.IncomingInstance
{
    private IDisposable? _lock;
    private string? _previous;
    private bool _closed;
    private bool _published;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        Length += data.Length;
    }

    public override async ValueTask<string> CompleteAsync(bool durable, CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        if (durable)
        {
            stream.Flush(flushToDisk: true);
        }

        await stream.DisposeAsync().ConfigureAwait(false);
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

            File.Move(temporary, final);
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

    public override async ValueTask DisposeAsync()
    {
        if (!_closed)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }

        if (_lock is not null)
        {
            Revert();
        }

        if (!_published)
        {
            File.Delete(temporary);
        }
    }

    private void Release()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
