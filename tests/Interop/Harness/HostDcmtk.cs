using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Conformance.Harness.Processes;

namespace Conformance.Interop.Tests.Harness;

/// <summary>
/// DCMTK processes on this host standing in for "our side" until our own SCU/SCP are wired in:
/// they exercise exactly the paths our side uses (loopback, bridge gateway, routed address).
/// </summary>
internal static class HostDcmtk
{
    public static Task<ProcessResult> EchoAsync(DnsEndPoint peer, string calledAe, CancellationToken cancellationToken) =>
        ProcessRunner.RunAsync("echoscu", ["-v", "-to", "10", "-aet", "HOSTSCU", "-aec", calledAe, peer.Host, peer.Port.ToString(CultureInfo.InvariantCulture)], cancellationToken);

    /// <summary>Starts storescp on a free port (all interfaces; -dhl: no reverse DNS) and waits until it listens.</summary>
    public static async Task<HostProcess> StartStoreScpAsync(string aeTitle, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var output = Directory.CreateTempSubdirectory("conformance-host-scp-").FullName;
        var startInfo = new ProcessStartInfo("storescp")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-v", "-dhl", "--aetitle", aeTitle, "-od", output, port.ToString(CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("storescp did not start");
        var host = new HostProcess(process, port, output);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 100; i++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return host;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }

        await host.DisposeAsync();
        throw new InvalidOperationException($"host storescp did not listen on port {port}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Any, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A host process started by a test, ended by its own PID when disposed.</summary>
internal sealed class HostProcess(Process process, int port, string outputDirectory) : IAsyncDisposable
{
    private readonly System.Text.StringBuilder log = new();

    public int Port { get; } = port;

    public string OutputDirectory { get; } = outputDirectory;

    /// <summary>What the process printed so far (storescp -v logs each request and release).</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.Append(line).Append('\n');
        }
    }

    /// <summary>Waits until the log holds <paramref name="text"/> (the process writes asynchronously).</summary>
    public async Task<bool> WaitForLogAsync(string text)
    {
        for (var i = 0; i < 100 && !Log.Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        return Log.Contains(text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(OutputDirectory, recursive: true);
    }
}
