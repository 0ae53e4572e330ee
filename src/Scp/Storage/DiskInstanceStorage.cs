using Conformance.Dicom.Network.Services.Storage;

namespace Conformance.Scp.Storage;

/// <summary>
/// Files under a root directory, one per SOP Instance UID (<see cref="SafeFileName"/>: <c>&lt;uid&gt;.dcm</c> for every
/// valid UID). Data is written to a temporary name under <c>.incoming/</c> and renamed into place only when complete;
/// a UID stored again replaces the earlier file only once the new store is committed (<see cref="DiskIncomingInstance"/>).
/// </summary>
public sealed class DiskInstanceStorage : IInstanceStorage
{
    private const string SetAsideSuffix = ".previous";
    private readonly string _root;
    private readonly string _incoming;

    public DiskInstanceStorage(string root)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _incoming = Path.Combine(_root, ".incoming");
        Directory.CreateDirectory(_incoming);
        RestoreSetAside();
    }

    public string Description => "disk " + _root;

    public bool CanRead => true;

    internal ReplacementLocks Locks { get; } = new();

    public ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var final = Path.Combine(_root, SafeFileName.For(sopInstanceUid));
        var temporary = Path.Combine(_incoming, Guid.NewGuid().ToString("N") + ".part");
        // Synchronous file I/O: on Linux "async" file writes are thread-pool hops. Unbuffered: the writes arrive in
        // DeviceWrites' 256 KiB blocks (a small object is one block), so each is one write(2) and closing writes nothing.
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, useAsync: false);
        return ValueTask.FromResult<IncomingInstance>(new DiskIncomingInstance(this, stream, temporary, final));
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

    /// <summary>The stored files (<c>*.dcm</c> directly under the root).</summary>
    internal IEnumerable<string> StoredFiles() => Directory.EnumerateFiles(_root, "*" + SafeFileName.Extension);

    /// <summary>The file name an instance of this UID is stored under (full path).</summary>
    internal string LocationFor(string sopInstanceUid) => Path.Combine(_root, SafeFileName.For(sopInstanceUid));

    /// <summary>Deletes the temporary files of transfers that never completed (only while nothing is in flight: at start).</summary>
    internal int RemoveTemporaryFiles()
    {
        var removed = 0;
        foreach (var part in Directory.EnumerateFiles(_incoming, "*.part"))
        {
            File.Delete(part);
            removed++;
        }

        return removed;
    }

    /// <summary>
    /// A process that died after renaming a replacement into place and before committing it left the earlier file set
    /// aside: the replacement was never acknowledged, the earlier instance was, so the earlier file comes back. Returns
    /// the files put back (their index rows may describe the replacement: index them again).
    /// </summary>
    internal IReadOnlyList<string> RevertUncommittedReplacements()
    {
        var reverted = new List<string>();
        foreach (var aside in Directory.EnumerateFiles(_incoming, "*" + SetAsideSuffix))
        {
            var final = Path.Combine(_root, Path.GetFileName(aside)[..^SetAsideSuffix.Length]);
            File.Move(aside, final, overwrite: true);
            reverted.Add(final);
        }

        return reverted;
    }

    /// <summary>Moves a stored file that cannot be indexed to <c>.quarantine/</c> (kept for a person to look at, never served).</summary>
    internal string Quarantine(string file)
    {
        var quarantine = Directory.CreateDirectory(Path.Combine(_root, ".quarantine")).FullName;
        var target = Path.Combine(quarantine, Path.GetFileName(file));
        File.Move(file, target, overwrite: true);
        return target;
    }

    internal string SetAsidePath(string final) => Path.Combine(_incoming, Path.GetFileName(final) + SetAsideSuffix);

    // A process that died between setting a file aside and renaming its replacement into place left the file under
    // .incoming with no file at its name: put it back. (With both present the store's outcome is unknown here; both stay.)
    private void RestoreSetAside()
    {
        foreach (var aside in Directory.EnumerateFiles(_incoming, "*" + SetAsideSuffix))
        {
            var final = Path.Combine(_root, Path.GetFileName(aside)[..^SetAsideSuffix.Length]);
            if (!File.Exists(final))
            {
                File.Move(aside, final);
            }
        }
    }
}
