using System.Diagnostics;
using System.Text;

namespace Conformance.Harness.Processes;

/// <summary>
/// Collects what a process prints on both streams: the exact text, and every line stamped when it arrived
/// (the stamps give per-message times from a tool's log, e.g. storescu's "Received Store Response" lines).
/// Each stream is read by its own task until end of stream; thread-safe.
/// </summary>
internal sealed class OutputCapture(Action<string>? echo)
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<StampedLine> _lines = [];
    private Task _completion = Task.CompletedTask;

    /// <summary>Completes when both streams reached their end (the process and its children closed them).</summary>
    public Task Completion => _completion;

    public void Start(Process process) =>
        _completion = Task.WhenAll(PumpAsync(process.StandardOutput, _stdout, false), PumpAsync(process.StandardError, _stderr, true));

    public string StandardOutput => Snapshot(_stdout);

    public string StandardError => Snapshot(_stderr);

    public IReadOnlyList<StampedLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    private async Task PumpAsync(StreamReader reader, StringBuilder text, bool fromStandardError)
    {
        var buffer = new char[8192];
        var partial = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            var stamp = Stopwatch.GetTimestamp();
            lock (text)
            {
                text.Append(buffer, 0, read);
            }

            for (var i = 0; i < read; i++)
            {
                if (buffer[i] == '\n')
                {
                    AddLine(partial.ToString().TrimEnd('\r'), stamp, fromStandardError);
                    partial.Clear();
                }
                else
                {
                    partial.Append(buffer[i]);
                }
            }
        }

        if (partial.Length > 0)
        {
            AddLine(partial.ToString(), Stopwatch.GetTimestamp(), fromStandardError);
        }
    }

    private void AddLine(string line, long stamp, bool fromStandardError)
    {
        lock (_lines)
        {
            _lines.Add(new StampedLine(stamp, fromStandardError, line));
        }

        echo?.Invoke(line);
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
