using System.Globalization;
using Conformance.Harness.HostPeers;

namespace Conformance.Harness.Sut.External;

/// <summary>
/// An external SCP as <see cref="ExternalScpConfig"/> describes it: at a fixed address (nothing to start;
/// stored objects readable when its storage folder is given), or an image the suite starts on the host
/// network with its command template ({port}, {ae}, {storage}).
/// </summary>
public sealed class ConfiguredScp : ISutScp
{
    private readonly SutProcess? _process;
    private readonly string? _storage;

    private ConfiguredScp(SutProcess? process, string? host, int port, string aeTitle, string? storage)
    {
        _process = process;
        Host = host;
        Port = port;
        AeTitle = aeTitle;
        _storage = storage;
    }

    public string AeTitle { get; }

    public string? Host { get; }

    public int Port { get; }

    public IReadOnlyList<long> StoredStamps => [];

    public string Log => _process?.Process.OutputSoFar ?? string.Empty;

    public static async Task<ConfiguredScp> StartAsync(ExternalScpConfig config, SutScpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(request);
        if (request.MoveDestinations.Count > 0 || request.AllowedCallers is not null)
        {
            throw new SutCapabilityException("a configured external SCP cannot be told move destinations or admitted callers by the suite");
        }

        if (config.Image is null)
        {
            return new ConfiguredScp(null, config.Host ?? throw new InvalidDataException("scp.host or scp.image is required"),
                config.Port ?? 104, config.AeTitle ?? request.AeTitle, config.StorageDirectory);
        }

        var port = LocalPorts.Free();
        var storage = Directory.CreateDirectory(Path.Combine(request.WorkDirectory, "external-scp")).FullName;
        var values = new Dictionary<string, string>
        {
            ["port"] = port.ToString(CultureInfo.InvariantCulture),
            ["ae"] = request.AeTitle,
            ["storage"] = storage,
        };
        var command = CommandTemplate.Expand(config.Command ?? throw new InvalidDataException("scp.command is required with scp.image"), values, new Dictionary<string, IReadOnlyList<string>>());
        var process = new SutCommandRunner(config.Image).StartBackground(command, new Dictionary<string, string?>(), [storage]);
        try
        {
            await process.Process.WaitForListeningAsync(port, TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new ConfiguredScp(process, null, port, request.AeTitle, storage);
    }

    public IReadOnlyDictionary<string, string>? StoredFiles() =>
        _storage is null ? null : StoredFileIndex.ByInstanceUid(_storage);

    public Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken) => Task.FromResult(false);

    public ValueTask DisposeAsync() => _process?.DisposeAsync() ?? ValueTask.CompletedTask;
}
