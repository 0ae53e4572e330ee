using System.Diagnostics;

namespace Conformance.Harness.HostPeers;

/// <summary>
/// How a DCMTK process is started: TCP_NODELAY=1 (Nagle off) or DCMTK's defaults (Nagle on). The
/// variables DCMTK reads (TCP_NODELAY, TCP_BUFFER_LENGTH) are removed first, so the parent's
/// environment cannot leak into a "defaults" run.
/// </summary>
public static class DcmtkEnvironment
{
    public static ProcessStartInfo StartInfo(string program, IEnumerable<string> arguments, bool noDelay)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("TCP_NODELAY");
        info.Environment.Remove("TCP_BUFFER_LENGTH");
        if (noDelay)
        {
            info.Environment["TCP_NODELAY"] = "1";
        }

        return info;
    }

    /// <summary>Runs a tool to completion; returns the wall time from start to exit. A non-zero exit is an error.</summary>
    public static Task<double> RunAsync(string program, IEnumerable<string> arguments, bool noDelay, CancellationToken ct) =>
        RunAsync(StartInfo(program, arguments, noDelay), ct);

    /// <summary>Runs any prepared process to completion (output drained); returns the wall time from start to exit. A non-zero exit is an error.</summary>
    public static async Task<double> RunAsync(ProcessStartInfo info, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(info);
        var program = Path.GetFileName(info.FileName);
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {Tail(output)}");
        }

        return seconds;
    }

    /// <summary>First line of <c>program --version</c> (e.g. "$dcmtk: storescp v3.6.7 2022-04-22 $").</summary>
    public static string Version(string program)
    {
        try
        {
            using var process = Process.Start(StartInfo(program, ["--version"], false))!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not installed";
        }
    }

    private static string Tail(string text) => text.Length > 600 ? text[^600..] : text;
}
