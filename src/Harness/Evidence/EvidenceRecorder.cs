using Conformance.Harness.Peers;

namespace Conformance.Harness.Evidence;

/// <summary>
/// Records one test's evidence around a peer: a packet capture from the start, and on request
/// the peer's log since the start. Tests collect it when they fail and throw it away otherwise.
/// </summary>
public sealed class EvidenceRecorder : IAsyncDisposable
{
    private readonly StartedPeer peer;
    private readonly PacketCapture capture;
    private readonly DateTime started;

    private EvidenceRecorder(StartedPeer peer, PacketCapture capture, DateTime started)
    {
        this.peer = peer;
        this.capture = capture;
        this.started = started;
    }

    public static async Task<EvidenceRecorder> StartAsync(StartedPeer peer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peer);
        var started = DateTime.UtcNow.AddSeconds(-1);
        var capture = await PacketCapture.StartAsync(peer, cancellationToken).ConfigureAwait(false);
        return new EvidenceRecorder(peer, capture, started);
    }

    /// <summary>Writes &lt;name&gt;.peer.log and &lt;name&gt;.pcap into <paramref name="directory"/>.</summary>
    public async Task<EvidenceBundle> CollectAsync(string directory, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        var capturePath = await capture.StopAndSaveAsync(Path.Combine(directory, safe + ".pcap"), cancellationToken).ConfigureAwait(false);
        var (stdout, stderr) = await peer.Container.GetLogsAsync(started, ct: cancellationToken).ConfigureAwait(false);
        var logPath = Path.Combine(directory, safe + ".peer.log");
        await File.WriteAllTextAsync(logPath, $"# {peer.AeTitle} in {peer.Topology.Spec.Name} ({peer.Container.Image.FullName})\n{stdout}{stderr}", cancellationToken).ConfigureAwait(false);
        return new EvidenceBundle(logPath, capturePath);
    }

    public ValueTask DisposeAsync() => capture.DisposeAsync();
}
