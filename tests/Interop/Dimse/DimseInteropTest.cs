using Conformance.Scp.Storage;
using Conformance.Dicom.Network.Services.Scu;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Interop.Tests.Dimse.Infrastructure;
using Conformance.Interop.Tests.Support;

namespace Conformance.Interop.Tests.Dimse;

/// <summary>
/// Shared setup of the DIMSE interop tests: a scratch directory, small test objects made with DCMTK's
/// dump2dcm, our SCP on a port-0 listener, and the external tools started per test and ended by PID.
/// </summary>
public abstract class DimseInteropTest
{
    protected static readonly TimeSpan ToolLimit = TimeSpan.FromSeconds(120);
    private readonly List<IAsyncDisposable> _disposables = [];

    private HostProcessRunner _tools = null!;

    protected TempDirectory Temp { get; private set; } = null!;

    [SetUp]
    public void CreateTempAndRunner()
    {
        Temp = new TempDirectory("dimse-interop");
        _tools = new HostProcessRunner();
    }

    [TearDown]
    public async Task EndEverything()
    {
        // The external tools first (by PID, with the association children they forked), then our servers.
        _tools.Dispose();
        for (var i = _disposables.Count - 1; i >= 0; i--)
        {
            await _disposables[i].DisposeAsync();
        }

        _disposables.Clear();
        Temp.Dispose();
    }

    protected async Task<IReadOnlyList<string>> WriteStudyAsync(string patientId, int count, string directoryName = "source")
    {
        var images = TestObjects.Study(patientId, "INTEROP^" + patientId, count);
        return await TestObjects.WriteAllAsync(images, Temp.Sub(directoryName));
    }

    protected Task<(DicomServer Server, string Directory)> StartOurScpAsync(string aeTitle, params MoveDestination[] moveDestinations) =>
        StartOurScpAsync(aeTitle, ConnectionOptions.Default, moveDestinations);

    protected Task<(DicomServer Server, string Directory)> StartOurScpAsync(string aeTitle, ConnectionOptions connection, params MoveDestination[] moveDestinations) =>
        StartOurScpAsync(aeTitle, options => options with { Connection = connection, MoveDestinations = moveDestinations });

    /// <summary>Our SCP storing to disk, with <paramref name="configure"/> applied to its options (TLS, allow-lists, credentials, log).</summary>
    protected async Task<(DicomServer Server, string Directory)> StartOurScpAsync(string aeTitle, Func<DicomServerOptions, DicomServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var directory = Temp.Sub("ourscp-" + aeTitle);
        var server = await DicomServer.StartAsync(configure(new DicomServerOptions
        {
            AeTitle = aeTitle,
            Storage = new DiskInstanceStorage(directory),
            Log = line => TestContext.Progress.WriteLine($"[{aeTitle}] {line}"),
        }));
        _disposables.Add(server);
        return (server, directory);
    }

    protected BackgroundHostProcess StartTool(string program, params string[] arguments)
    {
        var process = _tools.StartBackground(new HostProcessStart(program, arguments));
        TestContext.Progress.WriteLine($"started {program} (pid {process.Pid}): {string.Join(' ', arguments)}");
        return process;
    }

    protected async Task<HostProcessResult> RunToolAsync(string program, params string[] arguments)
    {
        var result = await _tools.RunAsync(new HostProcessStart(program, arguments) { Timeout = ToolLimit }, CancellationToken.None);
        TestContext.Progress.WriteLine(result.Output);
        return result;
    }

    protected static DicomScu OurScu(int port, string calledAe) =>
        new(new DicomScuOptions { Host = "127.0.0.1", Port = port, CalledAe = calledAe, CallingAe = "OURSCU" });

    protected static IReadOnlyList<string> DicomFilesIn(string directory) =>
        Directory.GetFiles(directory).Where(f => !f.EndsWith(".sqlite", StringComparison.Ordinal) && !f.Contains(".sqlite-", StringComparison.Ordinal)).Order().ToList();

    protected static async Task PopulateAsync(DicomServer server, string aeTitle, IReadOnlyList<string> files)
    {
        var stored = await OurScu(server.Port, aeTitle).StoreFilesAsync(files);
        Assert.That(stored.AllSucceeded, Is.True, string.Join("; ", stored.Outcomes.Select(o => o.Error)));
    }
}
