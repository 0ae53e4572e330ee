using System.Globalization;
using Conformance.Benchmarks.Throughput;
using Conformance.Benchmarks.Shared;

namespace Conformance.Benchmarks.Topologies;

/// <summary>
/// The transfer as storescp saw it, read from its <c>-v</c> log as the engine stamps each line (RFC 3339, taken when
/// the engine reads the line from the container's stderr): 'Association Received' to 'Association Release' of the
/// last association (the readiness C-ECHO is an earlier one), and the gaps between its 'Received Store Request'
/// lines. The same clock for both SCUs, without storescu's process start or either SCU's file reading before it
/// connects.
/// </summary>
public static class StoreScpLog
{
    private const string Received = "Association Received";
    private const string Release = "Association Release";
    private const string StoreRequest = "Received Store Request";

    public static RunResult Seen(string stampedLog, int images, long bytes)
    {
        ArgumentNullException.ThrowIfNull(stampedLog);
        var lines = stampedLog.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(Stamped).OfType<(DateTime Stamp, string Text)>().OrderBy(l => l.Stamp).ToList();
        var start = lines.FindLastIndex(l => l.Text.Contains(Received, StringComparison.Ordinal));
        var end = start < 0 ? -1 : lines.FindIndex(start, l => l.Text.Contains(Release, StringComparison.Ordinal));
        if (end < 0)
        {
            throw new InvalidDataException($"storescp's log has no '{Received}' ... '{Release}' pair; it ends: {Tail(stampedLog)}");
        }

        var stores = lines.Skip(start).Take(end - start).Where(l => l.Text.Contains(StoreRequest, StringComparison.Ordinal)).Select(l => l.Stamp).ToList();
        if (stores.Count != images)
        {
            throw new InvalidDataException($"storescp logged {stores.Count} store requests on the last association, expected {images}; its log ends: {Tail(stampedLog)}");
        }

        var gaps = stores.Zip(stores.Skip(1), (a, b) => (b - a).TotalMilliseconds).ToList();
        return new RunResult((lines[end].Stamp - lines[start].Stamp).TotalSeconds, images, bytes, gaps);
    }

    /// <summary>"2026-11-27T20:31:05.123456789Z text": the engine's time has up to 9 fractional digits, DateTime takes 7.</summary>
    private static (DateTime, string)? Stamped(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        if (space < 20 || !line.StartsWith("20", StringComparison.Ordinal))
        {
            return null;
        }

        var stamp = line[..space].TrimEnd('Z');
        var dot = stamp.IndexOf('.', StringComparison.Ordinal);
        var whole = dot < 0 ? stamp : stamp[..dot];
        var fraction = dot < 0 ? "" : stamp[(dot + 1)..];
        var normalized = $"{whole}.{fraction.PadRight(7, '0')[..7]}";
        return DateTime.TryParseExact(normalized, "yyyy-MM-ddTHH:mm:ss.fffffff", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? (parsed, line[(space + 1)..])
            : null;
    }

    private static string Tail(string log) => log.Length > 800 ? log[^800..] : log;
}
