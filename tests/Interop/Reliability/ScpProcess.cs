using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Reliability;

/// <summary>
/// The built `conformance scp` as a child process (dotnet conformance.dll scp ...), started by this test's
/// <see cref="HostProcessRunner"/> and killed by its PID with SIGKILL (Process.Kill on Linux).
/// </summary>
internal sealed class ScpProcess : IDisposable
{
    public const string AeTitle = "RELIABLE";

    private readonly BackgroundHostProcess _process;

    private ScpProcess(BackgroundHostProcess process) => _process = process;

    public int Pid => _process.Pid;

    public string Output => _process.OutputSoFar;

    public static async Task<ScpProcess> StartAsync(HostProcessRunner runner, string storage, int port, params string[] extra)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "conformance.dll");
        var process = runner.StartBackground(new HostProcessStart("dotnet", [dll, "scp", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ae", AeTitle, "--storage", storage, .. extra]));
        var scp = new ScpProcess(process);
        try
        {
            await process.WaitForListeningAsync(port, TimeSpan.FromSeconds(60), CancellationToken.None);
        }
        catch
        {
            scp.Dispose();
            throw;
        }

        return scp;
    }

    /// <summary>SIGKILL: the process dies at once, in whatever it was doing.</summary>
    public Task<HostProcessResult> KillAsync() => _process.StopAsync();

    public void Dispose() => _process.Dispose();
}
