using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Conformance.Interop.Tests.Support;

/// <summary>
/// Runs host tools (DCMTK, GDCM, our own built program) as child processes: arguments passed
/// without a shell, stdout and stderr captured, a timeout after which the process is killed by
/// its PID. Processes still running when the runner is disposed (test teardown) are killed too.
/// </summary>
public sealed class HostProcessRunner : IDisposable
{
    private readonly ConcurrentDictionary<int, Process> _running = new();

    /// <summary>Default time a tool may take; generous because the host is shared and slow.</summary>
    public static TimeSpan DefaultTimeout { get; } = TimeSpan.FromMinutes(2);

    /// <summary>Full path of <paramref name="tool"/> on PATH, or null when it is not installed.</summary>
    public static string? FindOnPath(string tool)
    {
        if (Path.IsPathRooted(tool))
        {
            return File.Exists(tool) ? tool : null;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public Task<HostProcessResult> RunAsync(string tool, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(tool, arguments, DefaultTimeout, workingDirectory: null, cancellationToken);

    public async Task<HostProcessResult> RunAsync(
        string tool,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory,
        CancellationToken cancellationToken)
    {
        var executable = FindOnPath(tool)
            ?? throw new HostToolNotFoundException(tool, "Install it (on Debian: apt-get install dcmtk; .ci/run does this).");
        var argumentList = arguments.ToList();
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in argumentList)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = startInfo };

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
            deadline.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                cancellationToken.ThrowIfCancellationRequested();
                throw new HostProcessTimeoutException(
                    tool + " " + string.Join(' ', argumentList),
                    timeout,
                    $"--- stdout so far ---\n{await stdout.ConfigureAwait(false)}\n--- stderr so far ---\n{await stderr.ConfigureAwait(false)}");
            }

            var output = await stdout.ConfigureAwait(false);
            var error = await stderr.ConfigureAwait(false);
            stopwatch.Stop();
            return new HostProcessResult(tool, argumentList, process.ExitCode, output, error, stopwatch.Elapsed);
        }
        finally
        {
            _running.TryRemove(pid, out _);
        }
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

    private static void Kill(Process process)
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
