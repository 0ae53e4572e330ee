using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp.Storage;

/// <summary>
/// Files under a root directory, one per SOP instance (<c>&lt;uid&gt;.dcm</c>). Data is written to a
/// temporary name in the same directory tree and renamed into place only when complete.
/// </summary>
public sealed class DiskInstanceStorage : IInstanceStorage
{
    private readonly string _root;
    private readonly string _incoming;

    public DiskInstanceStorage(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);
    }

    public string Description => "disk " + _root;

    public bool CanRead => true;

    public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var final = Path.Combine(_root, SafeName(sopInstanceUid) + ".dcm");
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
        // Synchronous file I/O: on Linux "async" file writes are thread-pool hops, slower for the small writes of a PDV stream.
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: false);
        return ValueTask.FromResult<IncomingInstance>(new DiskIncomingInstance(stream, temporary, final));
    }

    /// <summary>Removes the temporary-files directory when nothing is in flight (for tools that end after a transfer).</summary>
    public void RemoveIncomingDirectoryIfEmpty()
    {
        if (Directory.Exists(_incoming) && !Directory.EnumerateFileSystemEntries(_incoming).Any())
        {
            Directory.Delete(_incoming);
        }
    }

    public Stream OpenRead(string location) =>
        new FileStream(location, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: false);

    // UIDs are digits and dots; anything else is replaced so a hostile UID cannot name another path.
    private static string SafeName(string uid)
    {
        var chars = uid.Select(c => char.IsAsciiDigit(c) || c == '.' ? c : '_').ToArray();
        var name = new string(chars).Trim('.');
        return name.Length == 0 ? "_" : name;
    }

    private sealed class DiskIncomingInstance(FileStream stream, string temporary, string final) : IncomingInstance
    {
        private bool _completed;
        private bool _closed;

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
            File.Move(temporary, final, overwrite: true);
            if (durable)
            {
                try
                {
                    // The rename is durable only once the directory holding the new entry is flushed.
                    DirectorySync.Flush(Path.GetDirectoryName(final)!);
                }
                catch (IOException)
                {
                    File.Delete(final);
                    _completed = true;
                    throw;
                }
            }

            _completed = true;
            return final;
        }

        public override void Revert()
        {
            if (_completed)
            {
                File.Delete(final);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            if (!_closed)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (!_completed)
            {
                File.Delete(temporary);
            }
        }
    }
}
