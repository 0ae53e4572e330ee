using System.Collections.Concurrent;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Unit.Tests.Hostile;

/// <summary>Our SCP as the catalogue meets it: AE HOSTILE, memory storage, 16 KiB max PDU, 1 s ARTIM, every log line kept.</summary>
internal sealed class HostileScp : IAsyncDisposable
{
    public const string AeTitle = "HOSTILE";
    public const uint MaxPdu = 16384;

    private readonly ConcurrentQueue<string> _log;

    private HostileScp(DicomServer server, MemoryInstanceStorage storage, ConcurrentQueue<string> log)
    {
        Server = server;
        Storage = storage;
        _log = log;
    }

    public DicomServer Server { get; }

    public MemoryInstanceStorage Storage { get; }

    public int Port => Server.Port;

    public IReadOnlyList<string> Log => [.. _log];

    public static async Task<HostileScp> StartAsync(ConnectionOptions? connection = null, int maxAssociations = 32)
    {
        var log = new ConcurrentQueue<string>();
        var storage = new MemoryInstanceStorage();
        var server = await DicomServer.StartAsync(new DicomServerOptions
        {
            AeTitle = AeTitle,
            Storage = storage,
            MaxPduLength = MaxPdu,
            MaxAssociations = maxAssociations,
            Connection = connection ?? ConnectionOptions.Default with { ArtimTimeout = TimeSpan.FromSeconds(1) },
            Log = log.Enqueue,
        });
        return new HostileScp(server, storage, log);
    }

    /// <summary>Lines logged before the row's own input (the listening line, the set-up association's acceptance) are not evidence about the row.</summary>
    public int RowLogStart { get; set; }

    /// <summary>Waits (bounded) for a line containing any of <paramref name="names"/>, case-insensitively, among the lines logged since <see cref="RowLogStart"/>.</summary>
    public async Task<string?> WaitForLogAsync(IReadOnlyList<string> names, TimeSpan bound)
    {
        var until = DateTime.UtcNow + bound;
        while (true)
        {
            var line = _log.Skip(RowLogStart).FirstOrDefault(l => names.Any(n => l.Contains(n, StringComparison.OrdinalIgnoreCase)));
            if (line is not null || DateTime.UtcNow > until)
            {
                return line;
            }

            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
