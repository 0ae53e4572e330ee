using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conformance.Interop.Tests.Support;

/// <summary>
/// Runs host tools (DCMTK, GDCM, our own built program) as child processes: arguments passed without a
/// shell, stdout and stderr captured, a timeout after which the process is killed by its PID. Long-running
/// peers (storescp, dcmqrscp) start in the background with <see cref="StartBackground"/>. Processes still
/// running when the runner is disposed (test teardown) are killed.
/// </summary>
public sealed class HostProcessRunner : IDisposable
{
    private readonly ConcurrentDictionary<int, Process> _running = new();

    /// <summary>Default time a tool may take; generous because the host is shared and slow.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Full path of <paramref name="tool"/> on PATH, or null when it is not installed.</summary>
    public static string? FindOnPath(string tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (Path.IsPathRooted(tool))
        {
            return File.Exists(tool) ? tool : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, tool))
            .FirstOrDefault(File.Exists);
    }

    public Task<HostProcessResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(new HostProcessStart(tool, arguments.ToList()), cancellationToken);

    public Task<HostProcessResult> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan timeout, string? workingDirectory, CancellationToken cancellationToken) =>
        RunAsync(new HostProcessStart(tool, arguments.ToList()) { Timeout = timeout, WorkingDirectory = workingDirectory }, cancellationToken);

    /// <summary>Runs to completion; throws <see cref="HostProcessTimeoutException"/> (after killing it) when it outlives its timeout.</summary>
    public async Task<HostProcessResult> RunAsync(HostProcessStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        using var process = new Process { StartInfo = start.ToStartInfo() };
        var stopwatch = Stopwatch.StartNew();
        process.Start();
        var pid = process.Id;
        _running[pid] = process;
        try
        {
            // Read both pipes to their end concurrently, so a chatty tool never blocks on a full pipe.
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(start.Timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new HostProcessTimeoutException(
                    start.CommandLine,
                    start.Timeout,
                    $"--- stdout so far ---\n{await stdout.ConfigureAwait(false)}\n--- stderr so far ---\n{await stderr.ConfigureAwait(false)}");
            }

            var output = await stdout.ConfigureAwait(false);
            var error = await stderr.ConfigureAwait(false);
            stopwatch.Stop();
            return new HostProcessResult(start.Tool, start.Arguments, process.ExitCode, output, error, stopwatch.Elapsed);
        }
        finally
        {
            _running.TryRemove(pid, out _);
        }
    }

    /// <summary>Starts a long-running tool (a peer SCP); it is killed when stopped, disposed, or when this runner is disposed.</summary>
    public BackgroundHostProcess StartBackground(HostProcessStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = new Process { StartInfo = start.ToStartInfo() };
        var background = new BackgroundHostProcess(start, process, () => _running.TryRemove(process.Id, out _));
        _running[process.Id] = process;
        return background;
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
