namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>A running dcmqrscp: its C-MOVE destinations, and access to its storage area inside the container.</summary>
public sealed class QrScpPeer(PeerStart start, IReadOnlyList<MoveDestination> moveDestinations)
    : StartedPeer(start)
{
    public IReadOnlyList<MoveDestination> MoveDestinations { get; } = moveDestinations;

    /// <summary>
    /// Deletes the stored file of one instance but leaves dcmqrscp's index entry: a later C-MOVE/C-GET of it
    /// is a failed sub-operation. Returns whether a file was found and removed.
    /// </summary>
    public async Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(sopInstanceUid);
        var script = $"f=$(ls {DcmqrscpConfiguration.ContainerStorageArea} | grep -F '{sopInstanceUid}' | head -n 1); [ -n \"$f\" ] && rm \"{DcmqrscpConfiguration.ContainerStorageArea}/$f\"";
        var result = await Container.ExecAsync(["sh", "-c", script], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }
}
