using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Network.Transport;
using Conformance.Scp.Index;
using Conformance.Scp.Storage;

namespace Conformance.Scp;

/// <summary>
/// The SCP application: storage and query/retrieve at once on one AE title and port, with a storage
/// area, a SQLite index and a table of move destinations. <see cref="StartAsync"/> binds and returns;
/// associations are served in the background until <see cref="DisposeAsync"/>.
/// </summary>
public sealed class DicomServer : IAsyncDisposable
{
    private readonly DicomServerOptions _options;
    private readonly SqliteInstanceIndex _index;
    private readonly DicomListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ServerRequestHandler _handler;
    private Task _serving = Task.CompletedTask;
    private long _stored;

    private DicomServer(DicomServerOptions options, SqliteInstanceIndex index, DicomListener listener)
    {
        _options = options;
        _index = index;
        _listener = listener;
        var store = new StoreRequestHandler(options.Storage, options.Durable)
        {
            KeepDatasetPrefixBefore = InstanceIndexer.StopTag,
            AfterStore = IndexAsync,
            Stored = OnStored,
        };
        _handler = new ServerRequestHandler(store, new FindService(index), new RetrieveService(index, options), options.MaxIdentifierLength);
    }

    /// <summary>The bound port (useful with port 0).</summary>
    public int Port => _listener.Port;

    public DicomServerOptions Options => _options;

    public SqliteInstanceIndex Index => _index;

    public ListenerCounters ListenerCounters => _listener.Counters;

    /// <summary>Instances stored and acknowledged with Success since start.</summary>
    public long StoredInstances => Interlocked.Read(ref _stored);

    /// <summary>Raised after each instance was stored and indexed, before its response (on a storage I/O thread for disk storage, else on the association's handler task).</summary>
    public event Action<ReceivedInstance>? InstanceStored;

    public static async Task<DicomServer> StartAsync(DicomServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var index = await SqliteInstanceIndex.OpenAsync(options.IndexPath, options.Durable, cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.Storage is DiskInstanceStorage disk && options.IndexPath is not null
                && await StorageReconciliation.RunAsync(disk, index, cancellationToken).ConfigureAwait(false) is { ChangedAnything: true } report)
            {
                options.Log?.Invoke(report.ToString());
            }

            var listener = DicomListener.Start(WithAccessControl(ServerPolicy.Create(options), options), ListenerConnection(options), options.BindAddress.ToString(), options.Port);
            var server = new DicomServer(options, index, listener);
            server._serving = listener.RunAsync(server.ServeAssociationAsync, server._stopping.Token);
            options.Log?.Invoke($"SCP {options.AeTitle} listening on {listener.LocalEndPoint}, storage {options.Storage.Description}");
            return server;
        }
        catch
        {
            await index.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _listener.DisposeAsync().ConfigureAwait(false);
        await _index.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    /// <summary>Who may associate (docs/security.md): called and calling AE allow-lists, user identities.</summary>
    private static AcceptancePolicy WithAccessControl(AcceptancePolicy policy, DicomServerOptions options) => policy with
    {
        CalledAeTitles = new HashSet<string>([options.AeTitle, .. options.AllowedCalledAes], StringComparer.Ordinal),
        CallingAeRules = options.AllowedCallingAes,
        Credentials = options.Credentials,
    };

    /// <summary>The listener logs what happens before and around associations into the same sink, and speaks TLS when configured.</summary>
    private static ConnectionOptions ListenerConnection(DicomServerOptions options) => options.Connection with
    {
        Log = options.Connection.Log ?? options.Log,
        TlsServer = options.Tls ?? options.Connection.TlsServer,
    };

    private async Task ServeAssociationAsync(DicomAssociation association, CancellationToken cancellationToken)
    {
        using var channel = new DimseChannel(association, _handler) { Log = _options.Log };
        try
        {
            await channel.ServeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            // Whatever ended this association ends only it: the listener serves on and disposal rethrows nothing.
            _options.Log?.Invoke($"Association with {association.Info.CallingAe} ended: {ex.Message}");
            if (ex is not DicomNetworkException)
            {
                await association.AbortAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<StoreStatus> IndexAsync(ReceivedInstance received, CancellationToken cancellationToken)
    {
        if (!_options.Storage.CanRead)
        {
            return StoreStatus.Success;
        }

        var indexed = await InstanceIndexer.ReadAsync(_options.Storage, received, cancellationToken).ConfigureAwait(false);
        await _index.AddAsync(indexed.Instance, cancellationToken).ConfigureAwait(false);
        if (indexed.Missing.Count == 0)
        {
            return StoreStatus.Success;
        }

        // Stored and indexed all the same (docs/scp.md): B007, naming what the object lacks (PS3.4 B.2.3).
        var names = string.Join(", ", indexed.Missing.Select(a => a.Keyword));
        _options.Log?.Invoke($"Stored {received.Request.AffectedSopInstanceUid} from {received.CallingAe} without {names}");
        return new StoreStatus(DimseStatus.DataSetDoesNotMatchSopClassWarning, "Stored; missing " + names, indexed.Missing.Select(a => a.Tag).ToList());
    }

    private void OnStored(ReceivedInstance received)
    {
        Interlocked.Increment(ref _stored);
        InstanceStored?.Invoke(received);
    }
}
