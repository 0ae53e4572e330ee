namespace Conformance.Harness.Peers.Dcmtk;

/// <summary>A running storescp: where its received files land on this host (when bound) and the arguments it runs with.</summary>
public sealed class StoreScpPeer(PeerStart start, string? outputDirectory, IReadOnlyList<string> arguments)
    : StartedPeer(start)
{
    /// <summary>Host folder bound at /data/out, or null when files stay in the container.</summary>
    public string? OutputDirectory { get; } = outputDirectory;

    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>Files storescp wrote so far (named after the SOP Instance UID with a modality prefix).</summary>
    public IReadOnlyList<string> ReceivedFiles() =>
        OutputDirectory is null || !Directory.Exists(OutputDirectory) ? [] : Directory.GetFiles(OutputDirectory).Order(StringComparer.Ordinal).ToList();

    /// <summary>Deletes what it received (between cases that share this peer).</summary>
    public void ClearReceived()
    {
        foreach (var file in ReceivedFiles())
        {
            File.Delete(file);
        }
    }
}
