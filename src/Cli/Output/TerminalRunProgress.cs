using System.Diagnostics;
using Conformance.Cli.Matrix;
using Conformance.Harness.Matrix.Model;
using Conformance.Reporting.Report;
using Conformance.Reporting.Results;

namespace Conformance.Cli.Output;

/// <summary>
/// Progress on a terminal: one status line, redrawn in place (done, left, failed, elapsed, and the
/// peer, topology and case running now); a failure or peer defect is printed above it as it happens.
/// </summary>
internal sealed class TerminalRunProgress(TextWriter writer, int total) : IMatrixProgress
{
    private const string ClearLine = "\r\u001b[2K";
    private readonly Lock _gate = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, MatrixCase> _running = new(StringComparer.Ordinal);
    private int _done;
    private int _failed;

    public void CaseStarted(MatrixCase matrixCase)
    {
        ArgumentNullException.ThrowIfNull(matrixCase);
        lock (_gate)
        {
            _running[matrixCase.Id] = matrixCase;
            Redraw();
        }
    }

    public void CaseFinished(CaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            _running.Remove(result.Id);
            _done++;
            if (result.Outcome is CaseOutcome.Fail or CaseOutcome.PeerDefect)
            {
                _failed += result.Outcome == CaseOutcome.Fail ? 1 : 0;
                writer.Write(ClearLine);
                writer.WriteLine($"{OutcomeNames.Of(result.Outcome).ToUpperInvariant()} {result.Id} ({result.DebianSuite}): {result.Message.Split('\n')[0]}");
            }

            Redraw();
        }
    }

    public void Note(string line)
    {
        lock (_gate)
        {
            writer.Write(ClearLine);
            writer.WriteLine($"  {line}");
            Redraw();
        }
    }

    private void Redraw()
    {
        var now = _running.Values.FirstOrDefault();
        var running = now is null ? "" : $" | {now.Peer.Name} on {now.Topology.Name}: {now.Id}";
        var status = $"[{_done}/{total} done, {total - _done} left, {_failed} failed, {PlainRunProgress.Elapsed(_started)}]{running}";
        var width = Console.IsOutputRedirected ? 160 : Math.Max(40, Console.WindowWidth - 1);
        writer.Write(ClearLine + (status.Length > width ? status[..width] : status));
        writer.Flush();
    }
}
