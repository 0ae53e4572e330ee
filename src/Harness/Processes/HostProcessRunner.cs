using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conformance.Harness.Processes;

/// <summary>
/// Runs programs on this host as child processes: arguments passed without a shell, both streams captured
/// line by line with arrival stamps, a timeout after which the process is killed by its PID. Long-running
/// peers (storescp, dcmqrscp) start in the background with <see cref="StartBackground"/>. Processes still
/// running when the runner is disposed are killed, by PID, with their children.
/// </summary>
public sealed class HostProcessRunner : IDisposable
{
    private readonly ConcurrentDictionary<int, Process> _running = new();

    /// <summary>Default time a tool may take (<see cref="ProcessStart.DefaultTimeout"/>).</summary>
    public static TimeSpan DefaultTimeout => ProcessStart.DefaultTimeout;

    /// <summary>Full path of <paramref name="tool"/> on PATH, or null when it is not installed.</summary>
    public static string? FindOnPath(string tool) => ProcessRunner.FindOnPath(tool);

    public Task<ProcessResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(new ProcessStart(tool, arguments.ToList()), cancellationToken);

    public Task<ProcessResult> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory, CancellationToken cancellationToken) =>
        RunAsync(new ProcessStart(tool, arguments.ToList()) { Timeout = timeout, WorkingDirectory = workingDirectory }, cancellationToken);

    /// <summary>Runs to completion; throws <see cref="ProcessTimeoutException"/> (after killing it) when it outlives its timeout.</summary>
    public async Task<ProcessResult> RunAsync(ProcessStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = new Process { StartInfo = start.ToStartInfo() };
        var capture = new OutputCapture(start.Echo);
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        var pid = process.Id;
        _running[pid] = process;
        capture.Start(process);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (start.Timeout != Timeout.InfiniteTimeSpan)
            {
                deadline.CancelAfter(start.Timeout);
            }

            try
            {
                if (start.StandardInput is not null)
                {
                    await start.StandardInput.CopyToAsync(process.StandardInput.BaseStream, deadline.Token).ConfigureAwait(false);
                    process.StandardInput.Close();
                }

                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await capture.Completion.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ProcessTimeoutException(
                    start.CommandLine, start.Timeout, $"--- stdout so far ---\n{capture.StandardOutput}\n--- stderr so far ---\n{capture.StandardError}");
            }

            await capture.Completion.ConfigureAwait(false);
            return Result(start, process.ExitCode, capture, stopwatch.Elapsed);
        }
        finally
        {
            _running.TryRemove(pid, out _);
        }
    }

    /// <summary>Starts a long-running program (a peer SCP); it is killed when stopped, disposed, or when this runner is disposed.</summary>
    public BackgroundProcess StartBackground(ProcessStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = new Process { StartInfo = start.ToStartInfo() };
        var capture = new OutputCapture(start.Echo);
        process.Start();
        _running[process.Id] = process;
        var pid = process.Id;
        capture.Start(process);
        return new BackgroundProcess(start, process, capture, () => _running.TryRemove(pid, out _));
    }

    /// <summary>Kills, by PID, every process this runner started that is still running.</summary>
    public void Dispose()
    {
        foreach (var (pid, process) in _running)
        {
            Kill(process);
            _running.TryRemove(pid, out _);
        }
    }

    internal static ProcessResult Result(ProcessStart start, int exitCode, OutputCapture capture, TimeSpan elapsed) =>
        new(exitCode, capture.StandardOutput, capture.StandardError, elapsed) { Tool = start.Tool, Arguments = start.Arguments, Lines = capture.Lines };

    internal static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill: nothing left to do.
        }
    }
}
