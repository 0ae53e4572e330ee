using System.Diagnostics;
using System.Globalization;

namespace Conformance.Benchmarks.Scaling;

/// <summary>What one side used during a measured transfer: peak RSS (VmHWM after a reset), RSS at the reset, the managed heap's sampled peak, bytes allocated.</summary>
public sealed record SideMemory(long PeakResidentBytes, long ResidentAtResetBytes, long PeakHeapBytes, long AllocatedBytes)
{
    /// <summary>How far RSS rose above where it stood when the transfer began.</summary>
    public long ResidentRiseBytes => PeakResidentBytes - ResidentAtResetBytes;
}

/// <summary>The parent's handle on a <see cref="ScpHost"/> child: this same program started again with <c>scaling scp-host</c>.</summary>
public sealed class ScpHostProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ScpHostProcess(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public int ProcessId => _process.Id;

    /// <summary>Starts the host storing into <paramref name="storage"/> (a directory, or "discard").</summary>
    public static async Task<ScpHostProcess> StartAsync(string storage, CancellationToken ct)
    {
        var start = SelfStart();
        start.ArgumentList.Add("scaling");
        start.ArgumentList.Add(ScpHost.Command);
        start.ArgumentList.Add(storage);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the SCP host process");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false);
            if (line is null || !line.StartsWith("port ", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the SCP host process said '{line}' instead of its port (exit code {(process.HasExited ? process.ExitCode : -1)})");
            }

            return new ScpHostProcess(process, int.Parse(line[5..], NumberStyles.None, CultureInfo.InvariantCulture));
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Collects in the host and resets its peaks: what follows is measured from here.</summary>
    public async Task ResetAsync(CancellationToken ct) => await AskAsync("reset", "ok", ct).ConfigureAwait(false);

    /// <summary>Instances stored since the last reset, and the memory figures.</summary>
    public async Task<(long Stored, SideMemory Memory)> StatsAsync(CancellationToken ct)
    {
        var reply = await AskAsync("stats", "stats ", ct).ConfigureAwait(false);
        var f = reply[6..].Split(' ').Select(v => long.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray();
        return (f[0], new SideMemory(f[1], f[2], f[3], f[4]));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _process.StandardInput.WriteLineAsync("quit").ConfigureAwait(false);
            await _process.StandardInput.FlushAsync().ConfigureAwait(false);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            _process.Kill();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<string> AskAsync(string command, string expected, CancellationToken ct)
    {
        await _process.StandardInput.WriteLineAsync(command).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(ct).ConfigureAwait(false);
        var reply = await _process.StandardOutput.ReadLineAsync(ct).ConfigureAwait(false);
        return reply is not null && reply.StartsWith(expected, StringComparison.Ordinal)
            ? reply
            : throw new InvalidOperationException($"the SCP host answered '{reply}' to '{command}'");
    }

    /// <summary>This program again: the apphost when running as one, else <c>dotnet exec</c> of this assembly.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("no process path");
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(typeof(ScpHost).Assembly.Location);
        }

        return start;
    }
}
