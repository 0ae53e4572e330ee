using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Interop.Tests.Support;

/// <summary>
/// A host tool running in the background (e.g. storescp as a peer): its PID, what it printed so far, and
/// <see cref="StopAsync"/> to kill it by PID and collect its output. Disposing kills it if still running.
/// </summary>
public sealed class BackgroundHostProcess : IDisposable
{
    private readonly HostProcessStart _start;
    private readonly Process _process;
    private readonly Action _forget;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

    internal BackgroundHostProcess(HostProcessStart start, Process process, Action forget)
    {
        _start = start;
        _process = process;
        _forget = forget;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.Start();
        Pid = _process.Id;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Pid { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Lines printed on stdout so far (each ending in \n).</summary>
    public string StandardOutputSoFar => Snapshot(_stdout);

    public string StandardErrorSoFar => Snapshot(_stderr);

    /// <summary>Everything printed so far: stdout, then stderr.</summary>
    public string OutputSoFar => StandardOutputSoFar + StandardErrorSoFar;

    /// <summary>
    /// Waits until something accepts TCP connections on loopback <paramref name="port"/> (the peer SCP is up).
    /// An external tool gives no readiness signal, so this probes with a connect every 50 ms. Throws
    /// <see cref="HostProcessExitedException"/> when the tool exits first and <see cref="HostProcessTimeoutException"/>
    /// (after killing it) when <paramref name="timeout"/> passes.
    /// </summary>
    public async Task WaitForListeningAsync(int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // drains the asynchronous output readers, so the message shows all it printed
                throw new HostProcessExitedException(_start.CommandLine, _process.ExitCode, $"before listening on port {port}\n{Describe()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        Dispose();
        throw new HostProcessTimeoutException(_start.CommandLine, timeout, $"it did not listen on port {port}\n{Describe()}");
    }

    /// <summary>Waits for it to exit by itself; kills it and throws <see cref="HostProcessTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task<HostProcessResult> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
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
            throw new HostProcessTimeoutException(_start.CommandLine, timeout, Describe());
        }

        return Finish();
    }

    /// <summary>Kills it by PID (if still running) and returns what it printed and its exit code.</summary>
    public async Task<HostProcessResult> StopAsync()
    {
        HostProcessRunner.Kill(_process);
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        return Finish();
    }

    public void Dispose()
    {
        HostProcessRunner.Kill(_process);
        _forget();
        _process.Dispose();
    }

    private HostProcessResult Finish()
    {
        _process.WaitForExit(); // drains the asynchronous output readers
        _stopwatch.Stop();
        var result = new HostProcessResult(_start.Tool, _start.Arguments, _process.ExitCode, StandardOutputSoFar, StandardErrorSoFar, _stopwatch.Elapsed);
        _forget();
        return result;
    }

    private string Describe() => $"--- stdout so far ---\n{StandardOutputSoFar}\n--- stderr so far ---\n{StandardErrorSoFar}";

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            buffer.Append(line).Append('\n');
        }
    }

    private static string Snapshot(StringBuilder buffer)
    {
        lock (buffer)
        {
            return buffer.ToString();
        }
    }
}
