using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Conformance.Harness.Processes;

/// <summary>
/// A program running in the background (e.g. storescp as a peer): its PID, what it printed so far (with
/// arrival stamps), and <see cref="StopAsync"/> to kill it by PID and collect its output. Disposing kills it if still running.
/// </summary>
public sealed class BackgroundProcess : IDisposable
{
    private readonly ProcessStart _start;
    private readonly Process _process;
    private readonly OutputCapture _capture;
    private readonly Action _forget;
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    internal BackgroundProcess(ProcessStart start, Process process, OutputCapture capture, Action forget)
    {
        _start = start;
        _process = process;
        _capture = capture;
        _forget = forget;
        Pid = process.Id;
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    public string StandardOutputSoFar => _capture.StandardOutput;

    public string StandardErrorSoFar => _capture.StandardError;

    /// <summary>Everything printed so far: stdout, then stderr.</summary>
    public string OutputSoFar => StandardOutputSoFar + StandardErrorSoFar;

    /// <summary>Every line printed so far, in arrival order, stamped.</summary>
    public IReadOnlyList<StampedLine> LinesSoFar => _capture.Lines;

    /// <summary>
    /// Waits until something accepts TCP connections on <paramref name="port"/> of <paramref name="address"/>
    /// (loopback when null). An external tool gives no readiness signal, so this probes with a connect every 50 ms.
    /// Throws <see cref="ProcessExitedException"/> when the tool exits first and <see cref="ProcessTimeoutException"/>
    /// (after killing it) when <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitForListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken, IPAddress? address = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                await _capture.Completion.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                throw new ProcessExitedException(_start.CommandLine, _process.ExitCode, $"before listening on port {port}\n{Describe()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(address ?? IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        Dispose();
        throw new ProcessTimeoutException(_start.CommandLine, timeout, $"it did not listen on port {port}\n{Describe()}");
    }

    /// <summary>Waits for it to exit by itself; kills it and throws <see cref="ProcessTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<ProcessResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new ProcessTimeoutException(_start.CommandLine, timeout, Describe());
        }

        return await FinishAsync().ConfigureAwait(false);
    }

    /// <summary>Kills it by PID (if still running) and returns what it printed and its exit code.</summary>
    public async Task<ProcessResult> StopAsync()
    {
        HostProcessRunner.Kill(_process);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return await FinishAsync().ConfigureAwait(false);
    }

    public void Dispose()
    {
        HostProcessRunner.Kill(_process);
        _forget();
        _process.Dispose();
    }

    private async Task<ProcessResult> FinishAsync()
    {
        await _capture.Completion.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        _stopwatch.Stop();
        _forget();
        return HostProcessRunner.Result(_start, _process.ExitCode, _capture, _stopwatch.Elapsed);
    }

    private string Describe() => $"--- stdout so far ---\n{StandardOutputSoFar}\n--- stderr so far ---\n{StandardErrorSoFar}";
}
