using System.Diagnostics;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Scp;

namespace Conformance.Benchmarks.Throughput;

/// <summary>Our SCP application (DicomServer) in this process, stamping each instance stored and acknowledged.</summary>
public sealed class OurScp : IAsyncDisposable
{
    private readonly DicomServer _server;
    private readonly List<long> _stamps = [];

    private OurScp(DicomServer server)
    {
        _server = server;
        _server.InstanceStored += _ =>
        {
            var stamp = Stopwatch.GetTimestamp();
            lock (_stamps)
            {
                _stamps.Add(stamp);
            }
        };
    }

    public const string AeTitle = "OURSCP";

    public int Port => _server.Port;

    public static async Task<OurScp> StartAsync(IInstanceStorage storage, CancellationToken ct) =>
        new(await DicomServer.StartAsync(new DicomServerOptions { AeTitle = AeTitle, Storage = storage }, ct).ConfigureAwait(false));

    public void ResetStamps()
    {
        lock (_stamps)
        {
            _stamps.Clear();
        }
    }

    public IReadOnlyList<long> Stamps()
    {
        lock (_stamps)
        {
            return [.. _stamps];
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
