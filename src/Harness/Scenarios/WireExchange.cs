using System.Globalization;
using System.Text;
using Conformance.Harness.Scenarios.Wire;

namespace Conformance.Harness.Scenarios;

/// <summary>
/// Runs one exchange under a capture at the server, then reads the capture: the one way every scenario and
/// canary times its operations. The evidence (capture, the server's log, a summary with every latency) is
/// written to its own folder and named in the measurement.
/// </summary>
public static class WireExchange
{
    public static async Task<ExchangeMeasurement> MeasureAsync(
        string name, CaptureSite site, WireEnd sutEnd, string evidenceDirectory,
        Func<CancellationToken, Task> exchange, Func<Task<string>>? serverLog, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(exchange);
        Directory.CreateDirectory(evidenceDirectory);
        var pcap = Path.Combine(evidenceDirectory, "capture.pcap");
        string summary;
        var capture = await site.StartAsync(cancellationToken).ConfigureAwait(false);
        await using (capture.ConfigureAwait(false))
        {
            await exchange(cancellationToken).ConfigureAwait(false);

            // The last bare ACK can trail the tool's exit, and tcpdump may be a moment behind on a busy host.
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            summary = await capture.StopAndSaveAsync(pcap, cancellationToken).ConfigureAwait(false);
        }

        var evidence = new List<string> { pcap };
        if (serverLog is not null)
        {
            var log = Path.Combine(evidenceDirectory, "server.log");
            await File.WriteAllTextAsync(log, await serverLog().ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            evidence.Add(log);
        }

        var timeline = WireTimeline.Read(pcap, site.ServerPort);
        var text = Path.Combine(evidenceDirectory, "timeline.txt");
        await File.WriteAllTextAsync(text, Describe(name, timeline, summary), cancellationToken).ConfigureAwait(false);
        evidence.Add(text);
        return new ExchangeMeasurement(name, timeline, sutEnd, evidence, summary);
    }

    private static string Describe(string name, WireTimeline timeline, string summary)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {name}: {timeline}; tcpdump: {summary}");
        foreach (var connection in timeline.Connections)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"connection from {connection.Client}: set-up {connection.Setup?.TotalMilliseconds:F2} ms, {connection.Responses.Count} responses{(connection.Lost ? ", capture incomplete" : "")}");
            text.AppendLine("operations ms: " + string.Join(' ', connection.OperationLatencies().Select(o => o.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture))));
            text.AppendLine("answers ms (the server's turn after the client's last data): " + string.Join(' ', connection.Answers.Select(o => o.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture))));
            foreach (var gap in connection.Gaps)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"gap at {gap.At.TotalMilliseconds:F1} ms: {gap.Duration.TotalMilliseconds:F1} ms, write held by {gap.Holder}");
            }
        }

        return text.ToString();
    }
}
