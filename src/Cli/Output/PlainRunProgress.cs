using System.Diagnostics;
using System.Globalization;
using Conformance.Cli.Matrix;
using Conformance.Harness.Matrix.Model;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Output;

/// <summary>
/// Progress as plain lines (output not a terminal, or --quiet): one line per finished case with
/// done/total and elapsed time; a failure adds its message; notes pass through. Lines are whole.
/// </summary>
internal sealed class PlainRunProgress(TextWriter writer, int total) : IMatrixProgress
{
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private int _done;
    private int _failed;

    public int Failed
    {
        get
        {
            lock (_gate)
            {
                return _failed;
            }
        }
    }

    public void CaseStarted(MatrixCase matrixCase)
    {
    }

    public void CaseFinished(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _done++;
            _failed += result.Outcome == CaseOutcome.Fail ? 1 : 0;
            var line = string.Create(CultureInfo.InvariantCulture, $"[{_done}/{total} {Elapsed(_started)}] {OutcomeNames.Of(result.Outcome),-14} {result.Id} ({result.DebianSuite}) {result.DurationMs / 1000:0.0} s");
            writer.WriteLine(line);
            if (result.Outcome is CaseOutcome.Fail or CaseOutcome.PeerDefect)
            {
                writer.WriteLine($"    {result.Message.Split('\n')[0]}");
            }

            writer.Flush();
        }
    }

    public void Note(string line)
    {
        lock (_gate)
        {
            writer.WriteLine($"  {line}");
            writer.Flush();
        }
    }

    /// <summary>mm:ss since the run started.</summary>
    public static string Elapsed(long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}");
    }
}
