using System.Globalization;
using System.Text;
using Conformance.Harness.Matrix.Model;
using Conformance.Harness.Matrix.Stage;

namespace Conformance.Harness.Matrix.Running;

/// <summary>
/// What a timing budget judged, as evidence (latencies.tsv): every operation's latency in order, beside the reference
/// pair's latency for the same operation when the case was judged against one. Tab-separated, milliseconds.
/// </summary>
internal static class LatencyTable
{
    public static string Render(CellTimings timings, ReferenceMeasurement? reference)
    {
        ArgumentNullException.ThrowIfNull(timings);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# {timings.Operation}: {timings.Latencies.Count} operation(s), total {timings.Total.TotalMilliseconds:F1} ms\n");
        text.Append("# reference: ").Append(reference?.Description ?? "none (judged against the link alone)").Append('\n');
        text.Append("operation\tlatency_ms\treference_ms\n");
        for (var i = 0; i < timings.Latencies.Count; i++)
        {
            var referenceMs = reference is not null && i < reference.Latencies.Count ? reference.Latencies[i].TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) : "";
            text.Append(CultureInfo.InvariantCulture, $"{i + 1}\t{timings.Latencies[i].TotalMilliseconds:F3}\t{referenceMs}\n");
        }

        return text.ToString();
    }
}
