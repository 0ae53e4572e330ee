using System.Diagnostics;
using System.Text;

namespace Conformance.Harness.Processes;

/// <summary>
/// Collects what a process prints on both streams, line by line, each stamped when it arrives (the
/// stamps give per-message times from a tool's log, e.g. storescu's "Received Store Response" lines).
/// Thread-safe: the two streams are read on their own threads.
/// </summary>
internal sealed class OutputCapture(Action<string>? echo)
{
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<StampedLine> _lines = [];

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data, fromStandardError: false);
        process.ErrorDataReceived += (_, e) => Add(e.Data, fromStandardError: true);
    }

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

    private void Add(string? line, bool fromStandardError)
    {
        if (line is null)
        {
            return;
        }

        var stamp = Stopwatch.GetTimestamp();
        var buffer = fromStandardError ? _stderr : _stdout;
        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }

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
