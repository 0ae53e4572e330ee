namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Where the SCP puts received instances: a directory, memory, or nowhere. An instance becomes
/// visible (and retrievable) only through <see cref="IncomingInstance.CompleteAsync"/>; one that is
/// disposed without completing leaves nothing behind.
/// </summary>
public interface IInstanceStorage
{
    /// <summary>A short description for logs ("disk /srv/dicom", "memory", "discard").</summary>
    string Description { get; }

    /// <summary>Whether stored instances can be read back for C-MOVE/C-GET.</summary>
    bool CanRead { get; }

    /// <summary>
    /// True (the default) when beginning, writing, completing, committing or reverting an instance may block on a device
    /// (a disk, fsync): the receiving side then runs them on <see cref="DedicatedIoScheduler.Storage"/>, never on an
    /// association's reader (<see cref="StorageDataSink"/>). False for storage that only copies memory.
    /// </summary>
    bool WritesToDevice => true;

    /// <summary>Starts receiving one instance; the bytes written are the whole Part 10 file.</summary>
    ValueTask<IncomingInstance> BeginAsync(string sopInstanceUid, CancellationToken cancellationToken);

    /// <summary>Opens a completed instance by the location <see cref="IncomingInstance.CompleteAsync"/> returned.</summary>
    Stream OpenRead(string location);
}
