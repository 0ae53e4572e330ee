using Conformance.Scp;

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
        // dcmqrscp names its files after the modality and a random number, so the UID is looked for inside them.
        var script = $"f=$(grep -lF '{sopInstanceUid}' {DcmqrscpConfiguration.ContainerStorageArea}/*.dcm | head -n 1); [ -n \"$f\" ] && rm \"$f\"";
        var result = await Container.ExecAsync(["sh", "-c", script], cancellationToken).ConfigureAwait(false);
        return result.ExitCode == 0;
    }
}
