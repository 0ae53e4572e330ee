using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Conformance.Interop.Tests.Dimse.Infrastructure;

/// <summary>
/// A DCMTK/GDCM tool started by a test: output captured, ended by its own PID (and only that) on dispose.
/// </summary>
public sealed class ExternalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ExternalProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static ExternalProcess Start(string program, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var wrapper = new ExternalProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        TestContext.Progress.WriteLine($"started {program} (pid {process.Id}): {string.Join(' ', arguments)}");
        return wrapper;
    }

    /// <summary>Runs a client tool to its end; returns it (exit code and output) for the test to assert on.</summary>
    public static async Task<ExternalProcess> RunAsync(string program, IEnumerable<string> arguments, TimeSpan limit, string? workingDirectory = null)
    {
        var process = Start(program, arguments, workingDirectory);
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await process._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            await process.DisposeAsync();
            Assert.Fail($"{program} did not finish within {limit}; output:\n{process.Output}");
        }

        process._process.WaitForExit();
        return process;
    }

    /// <summary>Waits until something accepts TCP connections on the port (the external SCP is up).</summary>
    public async Task WaitForListeningAsync(int port, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"{_process.StartInfo.FileName} exited with {_process.ExitCode} before listening; output:\n{Output}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        Assert.Fail($"{_process.StartInfo.FileName} did not listen on port {port} within {limit}; output:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                // The tool we started and the association children it forked (dcmqrscp, storescp --fork), by PID.
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
