using System.Diagnostics;
using System.Text;
using Conformance.Dicom.Network.Security;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp;
using Conformance.Scp.Storage;

namespace Conformance.Harness.Sut.Ours;

/// <summary>Our SCP application (<see cref="DicomServer"/>) for one case: disk storage in the case's folder, an in-memory index.</summary>
internal sealed class OursScp : ISutScp
{
    private readonly DicomServer _server;
    private readonly string _storage;
    private readonly StringBuilder _log;
    private readonly List<long> _stamps = [];

    private OursScp(DicomServer server, string storage, StringBuilder log)
    {
        _server = server;
        _storage = storage;
        _log = log;
        _server.InstanceStored += _ =>
        {
            lock (_stamps)
            {
                _stamps.Add(Stopwatch.GetTimestamp());
            }
        };
    }

    public string AeTitle => _server.Options.AeTitle;

    public string? Host => null;

    public int Port => _server.Port;

    public IReadOnlyList<long> StoredStamps
    {
        get
        {
            lock (_stamps)
            {
                return [.. _stamps];
            }
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<OursScp> StartAsync(SutScpRequest request, ConnectionOptions connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var storage = Path.Combine(request.WorkDirectory, "ourscp");
        var log = new StringBuilder();
        var options = new DicomServerOptions
        {
            AeTitle = request.AeTitle,
            BindAddress = request.ListenAddress,
            Connection = connection,
            Storage = new DiskInstanceStorage(storage),
            MoveDestinations = request.MoveDestinations.Select(d => new MoveDestination(d.AeTitle, d.Host, d.Port)).ToList(),

            // Admitted by AE title: the address a caller is seen at depends on the topology's NAT, so it is not bound here
            // (docs/security.md: rules may add an address range).
            AllowedCallingAes = request.AllowedCallers?.Select(c => new AeAccessRule(c.AeTitle)).ToList(),
            Log = line =>
            {
                lock (log)
                {
                    log.Append(DateTime.UtcNow.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(line).Append('\n');
                }
            },
        };
        if (request.MaxPdu is { } max)
        {
            options = options with { MaxPduLength = max };
        }

        var server = await DicomServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
        return new OursScp(server, storage, log);
    }

    public IReadOnlyDictionary<string, string>? StoredFiles() =>
        Directory.GetFiles(_storage, "*.dcm").ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => f, StringComparer.Ordinal);

    public Task<bool> RemoveStoredFileAsync(string sopInstanceUid, CancellationToken cancellationToken)
    {
        var path = Path.Combine(_storage, sopInstanceUid + ".dcm");
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        File.Delete(path);
        return Task.FromResult(true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
