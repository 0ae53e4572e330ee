using System.Diagnostics;
using Conformance.Harness.HostPeers;

namespace Conformance.Benchmarks.Goals;

/// <summary>
/// A receiver started as a whole process (storescp, our <c>conformance scp</c>, the raw TCP receiver) on a
/// free loopback port: ready once the port is in LISTEN state in /proc/net/tcp (no probe connection), its
/// output drained and its lines containing <c>countedText</c> counted, ended by its PID on dispose.
/// </summary>
public sealed class ListeningProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string? _countedText;
    private readonly Queue<string> _tail = new();
    private int _counted;

    private ListeningProcess(Process process, int port, string? countedText)
    {
        _process = process;
        Port = port;
        _countedText = countedText;
        _process.OutputDataReceived += (_, e) => Seen(e.Data);
        _process.ErrorDataReceived += (_, e) => Seen(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>Output lines so far that contain the counted text (e.g. our SCP's "stored " per instance).</summary>
    public int Counted => Volatile.Read(ref _counted);

    /// <param name="startInfo">Made by the caller with output redirected; <paramref name="port"/> must be on its command line.</param>
    public static async Task<ListeningProcess> StartAsync(ProcessStartInfo startInfo, int port, string? countedText, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(startInfo);
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{startInfo.FileName} did not start");
        var listening = new ListeningProcess(process, port, countedText);
        try
        {
            await LocalPorts.WaitListeningAsync(port, () => !process.HasExited, TimeSpan.FromSeconds(30), ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await listening.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"{startInfo.FileName} {string.Join(' ', startInfo.ArgumentList)} did not listen: {ex.Message}\n{listening.RecentOutput()}", ex);
        }

        return listening;
    }

    /// <summary>Waits (at most 10 s) until <paramref name="count"/> counted lines arrived: a log line can trail the peer's response.</summary>
    public async Task<int> WaitForCountedAsync(int count, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Counted < count && DateTime.UtcNow < deadline && !_process.HasExited)
        {
            await Task.Delay(5, ct).ConfigureAwait(false);
        }

        return Counted;
    }

    /// <summary>Waits for the process to end by itself (the raw receiver does once it has everything).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        await _process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        return _process.ExitCode;
    }

    public string RecentOutput()
    {
        lock (_tail)
        {
            return string.Join('\n', _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (_countedText is not null && line.Contains(_countedText, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _counted);
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 20)
            {
                _tail.Dequeue();
            }
        }
    }
}
