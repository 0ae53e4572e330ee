using Conformance.Harness.Topologies;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Matrix.Stage;

/// <summary>
/// Our SCP as a C-MOVE destination the topology's archives (dcmqrscp, Orthanc) know by a fixed address:
/// AE <see cref="AeTitle"/>, listening where peers reach our side, storing <c>&lt;uid&gt;.dcm</c> files.
/// </summary>
public sealed class OurDestination : IAsyncDisposable
{
    public const string AeTitle = "OURDEST";

    private readonly DicomServer _server;

    private OurDestination(DicomServer server, string directory)
    {
        _server = server;
        Directory = directory;
    }

    public int Port => _server.Port;

    public string Directory { get; }

    public static async Task<OurDestination> StartAsync(Topology topology, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = AeTitle,
            BindAddress = topology.OurListenAddress,
            Storage = new DiskInstanceStorage(directory),
        }, cancellationToken).ConfigureAwait(false);
        return new OurDestination(server, directory);
    }

    /// <summary>The Part 10 files received so far, by SOP Instance UID.</summary>
    public IReadOnlyDictionary<string, string> Received() =>
        System.IO.Directory.GetFiles(Directory, "*.dcm").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);

    /// <summary>Forgets what earlier cases moved here.</summary>
    public void Clear()
    {
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.dcm"))
        {
            File.Delete(file);
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
