using System.Globalization;
using Conformance.Harness.HostPeers;
using Conformance.Harness.Peers.Dcmtk;
using Conformance.Scp;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// DCMTK as the SUT's SCP for one case: storescp (+xa: every syntax it knows) for storage cases, dcmqrscp
/// (generated configuration: move destinations, admitted callers) for query/retrieve, on a free port on
/// this host (or in a container on the host network), storing into the case's folder.
/// </summary>
public sealed class DcmtkScp : ISutScp
{
    private readonly SutProcess _process;
    private readonly string _storage;

    private DcmtkScp(SutProcess process, string aeTitle, int port, string storage)
    {
        _process = process;
        AeTitle = aeTitle;
        Port = port;
        _storage = storage;
    }

    public string AeTitle { get; }

    public string? Host => null;

    public int Port { get; }

    public IReadOnlyList<long> StoredStamps =>
        _process.Process.LinesSoFar.Where(l => l.Text.Contains("Received Store Request", StringComparison.Ordinal)).Select(l => l.Timestamp).ToList();

    public string Log => _process.Process.OutputSoFar;

    public static async Task<DcmtkScp> StartAsync(SutScpRequest request, SutCommandRunner runner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runner);
        if (request.MaxPdu is 0 or (not null and (< 4096 or > 131072)))
        {
            throw new SutCapabilityException($"DCMTK's SCPs take a maximum PDU of 4096..131072 bytes, not {request.MaxPdu}");
        }

        var port = LocalPorts.Free();
        var storage = Directory.CreateDirectory(Path.Combine(request.WorkDirectory, "dcmtkscp")).FullName;
        var command = request.Kind == SutScpKind.Storage && request.AllowedCallers is null
            ? StoreScp(request, port, storage)
            : await QrScpAsync(request, port, storage, cancellationToken).ConfigureAwait(false);
        var environment = new Dictionary<string, string?> { ["TCP_NODELAY"] = request.NoDelay is { } noDelay ? (noDelay ? "1" : "0") : null, ["TCP_BUFFER_LENGTH"] = null };
        var process = runner.StartBackground(command, environment, [request.WorkDirectory]);
        try
        {
            await process.Process.WaitForListeningAsync(port, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new DcmtkScp(process, request.AeTitle, port, storage);
    }

    public IReadOnlyDictionary<string, string>? StoredFiles() => StoredFileIndex.ByInstanceUid(_storage);

    public Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var file = StoredFiles()?.GetValueOrDefault(sopInstanceUid);
        if (file is null)
        {
            return Task.FromResult(false);
        }

        File.Delete(file);
        return Task.FromResult(true);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    private static List<string> StoreScp(SutScpRequest request, int port, string storage)
    {
        var command = new List<string> { "storescp", "-d", "-dhl", "+B", "+xa", "--aetitle", request.AeTitle, "-od", storage };
        if (request.MaxPdu is { } max)
        {
            command.AddRange(["--max-pdu", max.ToString(CultureInfo.InvariantCulture)]);
        }

        command.Add(port.ToString(CultureInfo.InvariantCulture));
        return command;
    }

    private static async Task<List<string>> QrScpAsync(SutScpRequest request, int port, string storage, CancellationToken cancellationToken)
    {
        var config = new DcmqrscpConfiguration(request.AeTitle, port, (int)(request.MaxPdu ?? 16384), storage)
        {
            Destinations = request.MoveDestinations.Select(d => new MoveDestination(d.AeTitle, d.Host, d.Port)).ToList(),
            AllowedCallers = request.AllowedCallers?.Select(c => new MoveDestination(c.AeTitle, c.Host, c.Port)).ToList(),
        };
        var path = Path.Combine(request.WorkDirectory, "dcmqrscp.cfg");
        await File.WriteAllTextAsync(path, config.Render(), cancellationToken).ConfigureAwait(false);
        return ["dcmqrscp", "-d", "-dhl", "+B", "-c", path];
    }
}
