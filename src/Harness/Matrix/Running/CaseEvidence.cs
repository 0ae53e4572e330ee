using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;

namespace Conformance.Harness.Matrix.Running;

/// <summary>
/// A failing case's evidence, under evidence/&lt;case&gt;/ in the results folder: the log of every peer it
/// talked to and of the SUT's SCP, its own notes, every operation's latency beside the reference's (what the
/// budget judged), and the topology capture cut to the case's time window.
/// Paths are returned relative to the results folder.
/// </summary>
internal static class CaseEvidence
{
    public static async Task<IReadOnlyList<string>> CollectAsync(
        CellContext context, DateTime startedUtc, string resultsDirectory, CellVerdict verdict, ReferenceMeasurement? reference, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(resultsDirectory, "evidence", Safe(context.Case.Id))).FullName;
        var paths = new List<string>();
        var since = startedUtc.AddSeconds(-2);
        foreach (var peer in context.Touched)
        {
            var path = Path.Combine(folder, $"{Safe(peer.AeTitle)}-{peer.Container.Id[..12]}.peer.log");
            var log = await peer.GetLogSinceAsync(since, cancellationToken).ConfigureAwait(false);
            await File.WriteAllTextAsync(path, $"# {peer.AeTitle} ({peer.Container.Image.FullName}) in {context.Topology.Spec.Name}\n{log}", cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        for (var i = 0; i < context.Scps.Count; i++)
        {
            var path = Path.Combine(folder, $"sut-scp-{i}.log");
            await File.WriteAllTextAsync(path, context.Scps[i].Log, cancellationToken).ConfigureAwait(false);
            paths.Add(path);
        }

        var notes = Path.Combine(folder, "case.log");
        await File.WriteAllTextAsync(notes, string.Join('\n', context.Notes.Append(verdict.Message)), cancellationToken).ConfigureAwait(false);
        paths.Add(notes);
        if (verdict.Timings is { Latencies.Count: > 0 } timings)
        {
            var latencies = Path.Combine(folder, "latencies.tsv");
            await File.WriteAllTextAsync(latencies, LatencyTable.Render(timings, reference), cancellationToken).ConfigureAwait(false);
            paths.Add(latencies);
        }

        if (context.Touched.Count > 0)
        {
            var capture = await context.Stage.CaptureAsync(cancellationToken).ConfigureAwait(false);
            paths.Add(await capture.SaveSinceAsync(since, Path.Combine(folder, "topology.pcap"), cancellationToken).ConfigureAwait(false));
        }

        return paths.Select(p => Path.GetRelativePath(resultsDirectory, p)).ToList();
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
}
