using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Conformance.Harness.Processes;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// Reads a DCMTK SCU's debug log (-d): each "INCOMING/OUTGOING DIMSE MESSAGE" block gives the message type,
/// status and sub-operation counts, stamped when its first line arrived (per-operation latencies); the
/// association's fate comes from DCMTK's own lines (rejection with result, source and reason; abort; timeout).
/// </summary>
public sealed partial class DcmtkLogParser : IScuLogParser
{
    public ScuRun Parse(string operation, ProcessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var blocks = DimseBlock.Read(result.Lines);
        var type = operation.ToUpperInvariant();
        var responses = blocks.Where(b => b.Incoming && b.Type == type + " RSP").ToList();
        var finals = responses.Where(b => b.Status is not (0xFF00 or 0xFF01)).ToList();
        var text = result.Output;
        var failedUids = FailedUids().Matches(text).LastOrDefault()?.Groups[1].Value;
        var last = finals.LastOrDefault();
        var statuses = (operation is "c-echo" or "c-store" ? finals : finals.TakeLast(1)).Select(b => b.Status ?? (ushort)0xC000).ToList();
        var latencies = Latencies(operation, blocks, type);
        if (responses.Count == 0)
        {
            // echoscu -d prints no message dumps: its "Received Echo Response (Success)" lines say it.
            (statuses, latencies) = FromVerboseLines(operation, result.Lines);
        }

        return new ScuRun
        {
            Operation = operation,
            Association = AssociationOf(text, result.Lines),
            Rejection = RejectionOf(text),
            Statuses = statuses,
            Latencies = latencies,
            Counts = last?.Completed is { } completed ? new RetrieveCounts(completed, last.Failed ?? 0, last.Warning ?? 0) : null,
            FailedSopInstanceUids = failedUids is null ? [] : failedUids.Split('\\', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Error = Errors(result),
            Log = text,
            Elapsed = result.Elapsed,
        };
    }

    private static List<TimeSpan> Latencies(string operation, IReadOnlyList<DimseBlock> blocks, string type)
    {
        var latencies = new List<TimeSpan>();
        long? sent = null;
        foreach (var block in blocks.Where(b => b.Type.StartsWith(type, StringComparison.Ordinal)))
        {
            if (!block.Incoming && block.Type.EndsWith(" RQ", StringComparison.Ordinal))
            {
                sent = block.Stamp;
            }
            else if (block.Incoming && sent is { } from)
            {
                latencies.Add(Stopwatch.GetElapsedTime(from, block.Stamp));
                sent = operation is "c-echo" or "c-store" ? null : block.Stamp;
            }
        }

        return latencies;
    }

    /// <summary>Statuses and request-to-response times from -v lines ("Sending Echo Request", "Received Echo Response (Success)").</summary>
    private static (List<ushort> Statuses, List<TimeSpan> Latencies) FromVerboseLines(string operation, IReadOnlyList<StampedLine> lines)
    {
        var word = operation[2..3].ToUpperInvariant() + operation[3..];
        var statuses = new List<ushort>();
        var latencies = new List<TimeSpan>();
        long? sent = null;
        foreach (var line in lines)
        {
            if (line.Text.Contains($"Sending {word} Request", StringComparison.Ordinal))
            {
                sent = line.Timestamp;
            }
            else if (line.Text.Contains($"Received {word} Response", StringComparison.Ordinal))
            {
                statuses.Add(line.Text.Contains("(Success)", StringComparison.Ordinal) ? (ushort)0x0000 : (ushort)0xC000);
                if (sent is { } from)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(from, line.Timestamp));
                }
            }
        }

        return (statuses, latencies);
    }

    private static AssociationResult AssociationOf(string text, IReadOnlyList<StampedLine> lines)
    {
        if (text.Contains("Association Rejected", StringComparison.Ordinal))
        {
            return AssociationResult.Rejected;
        }

        if (text.Contains("TCP Initialization Error", StringComparison.Ordinal))
        {
            return AssociationResult.NotConnected;
        }

        if (NoContext().IsMatch(text))
        {
            return AssociationResult.NoAcceptedContext;
        }

        if (lines.Any(l => (l.Text.StartsWith("E: ", StringComparison.Ordinal) || l.Text.StartsWith("F: ", StringComparison.Ordinal))
                           && (l.Text.Contains("timeout", StringComparison.OrdinalIgnoreCase) || l.Text.Contains("No data available", StringComparison.Ordinal))))
        {
            return AssociationResult.TimedOut;
        }

        return text.Contains("Peer aborted Association", StringComparison.OrdinalIgnoreCase) || text.Contains("Association Aborted", StringComparison.Ordinal)
            ? AssociationResult.Aborted
            : AssociationResult.Established;
    }

    private static Rejection? RejectionOf(string text)
    {
        var match = RejectLines().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var source = match.Groups[2].Value switch
        {
            "Service User" => 1,
            var s when s.Contains("ACSE", StringComparison.Ordinal) => 2,
            _ => 3,
        };
        var reason = (source, match.Groups[3].Value.Trim()) switch
        {
            (1, "Application Context Name Not Supported") => 2,
            (1, "Calling AE Title Not Recognized") => 3,
            (1, "Called AE Title Not Recognized") => 7,
            (2, "Protocol Version Not Supported") => 2,
            (3, "Temporary Congestion") => 1,
            (3, "Local Limit Exceeded") => 2,
            _ => 1,
        };
        return new Rejection(match.Groups[1].Value == "Rejected Permanent" ? 1 : 2, source, reason);
    }

    private static string? Errors(ProcessResult result)
    {
        var errors = result.Lines.Select(l => l.Text).Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("F: ", StringComparison.Ordinal)).Take(6).ToList();
        return errors.Count == 0 ? (result.ExitCode == 0 ? null : $"exit code {result.ExitCode}") : string.Join(" | ", errors);
    }

    [GeneratedRegex(@"Result: (Rejected Permanent|Rejected Transient), Source: ([^\n]+?)\s*\n[^\n]*Reason: ([^\n]+)")]
    private static partial Regex RejectLines();

    [GeneratedRegex(@"No (?:Acceptable )?[Pp]resentation [Cc]ontexts?|No accepted presentation context|No presentation context for")]
    private static partial Regex NoContext();

    [GeneratedRegex(@"\(0008,0058\) UI \[([^\]]*)\]")]
    private static partial Regex FailedUids();

    /// <summary>One DIMSE message block of DCMTK's debug log.</summary>
    private sealed record DimseBlock(bool Incoming, long Stamp, string Type)
    {
        public ushort? Status { get; set; }

        public int? Completed { get; set; }

        public int? Failed { get; set; }

        public int? Warning { get; set; }

        public static List<DimseBlock> Read(IReadOnlyList<StampedLine> lines)
        {
            var blocks = new List<DimseBlock>();
            DimseBlock? current = null;
            bool? incoming = null;
            long stamp = 0;
            foreach (var line in lines)
            {
                var text = line.Text.StartsWith("D: ", StringComparison.Ordinal) ? line.Text[3..] : line.Text;
                if (text.Contains("INCOMING DIMSE MESSAGE", StringComparison.Ordinal) || text.Contains("OUTGOING DIMSE MESSAGE", StringComparison.Ordinal))
                {
                    incoming = text.Contains("INCOMING", StringComparison.Ordinal);
                    stamp = line.Timestamp;
                    current = null;
                    continue;
                }

                var field = Field().Match(text);
                if (!field.Success || incoming is null)
                {
                    continue;
                }

                var (name, value) = (field.Groups[1].Value.Trim(), field.Groups[2].Value.Trim());
                if (name == "Message Type")
                {
                    current = new DimseBlock(incoming.Value, stamp, value);
                    blocks.Add(current);
                }
                else if (current is not null)
                {
                    Apply(current, name, value);
                }
            }

            return blocks;
        }

        private static void Apply(DimseBlock block, string name, string value)
        {
            switch (name)
            {
                case "DIMSE Status" when value.StartsWith("0x", StringComparison.Ordinal):
                    block.Status = ushort.Parse(value.AsSpan(2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    break;
                case "Completed Suboperations":
                    block.Completed = Count(value);
                    break;
                case "Failed Suboperations":
                    block.Failed = Count(value);
                    break;
                case "Warning Suboperations":
                    block.Warning = Count(value);
                    break;
            }
        }

        private static int Count(string value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
    }

    [GeneratedRegex(@"^([A-Za-z][A-Za-z ]+?)\s+: (.*)$")]
    private static partial Regex Field();
}
