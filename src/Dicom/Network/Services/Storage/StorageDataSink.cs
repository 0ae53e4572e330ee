using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Streams a received C-STORE data set into an <see cref="IInstanceStorage"/> as a Part 10 file: the file meta header
/// first, then each fragment. Storage that writes to a device gets the bytes through <see cref="DeviceWrites"/> (the
/// reader copies, device threads write in order, at most the association's <see cref="WriteBudget"/> queued), so a slow
/// disk never holds up the association's reader; memory storage is written on the reader. Nothing becomes visible until
/// <see cref="CompleteInstanceAsync"/>; an abandoned transfer (abort mid-data) leaves nothing, and neither does a data
/// set that ends inside an element (<see cref="DatasetEndCheck"/>: completing it fails). With a
/// <paramref name="prefix"/> collector the data set's first elements are also kept in memory (for indexing).
/// </summary>
public sealed class StorageDataSink(
    IInstanceStorage storage, string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string? sourceAe, DatasetPrefixCollector? prefix = null,
    WriteBudget? budget = null)
    : IMessageDataSink, IAsyncDisposable
{
    private readonly DatasetEndCheck? _endCheck = DicomTransferSyntax.TryLookup(transferSyntaxUid, out var syntax) ? new DatasetEndCheck(syntax) : null;
    private readonly DeviceWrites? _device = storage.WritesToDevice ? new DeviceWrites(storage, sopInstanceUid, budget ?? new WriteBudget()) : null;
    private IncomingInstance? _instance;
    private bool _started;
    private Exception? _failure;

    /// <summary>True once the last fragment arrived.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Why the transfer was abandoned, if it was.</summary>
    public Exception? AbandonReason { get; private set; }

    public string TransferSyntaxUid => transferSyntaxUid;

    public long DataLength { get; private set; }

    /// <summary>The data set's elements before the collector's stop tag, if one was given and could follow the structure.</summary>
    public ReadOnlyMemory<byte>? DatasetPrefix => prefix?.Prefix;

    /// <summary>True when completing, committing and reverting belong on a device thread (<see cref="OnDeviceAsync{T}"/>).</summary>
    public bool WritesToDevice => _device is not null;

    /// <summary>A storage failure (disk full...) while receiving; the rest of the data set is read and dropped.</summary>
    public Exception? StorageFailure => _failure ?? _device?.Failure;

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct)
    {
        DataLength += fragment.Length;
        prefix?.Append(fragment.Span);
        _endCheck?.Append(fragment.Span);
        await StartAsync(ct).ConfigureAwait(false);
        await AppendAsync(fragment, ct).ConfigureAwait(false);
    }

    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        prefix?.End();
        await StartAsync(ct).ConfigureAwait(false);
        if (_device is not null)
        {
            await _device.FlushAsync(ct).ConfigureAwait(false);
        }

        IsComplete = true;
    }

    public async ValueTask AbandonAsync(Exception reason)
    {
        AbandonReason = reason;
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Every received byte written (on the device threads, for a device): await before completing.</summary>
    public Task WrittenAsync() => _device?.Written ?? Task.CompletedTask;

    /// <summary>
    /// Runs <paramref name="operation"/> after every queued write, for a device on the device thread that wrote the last
    /// block, then disposes the instance there (else here; the sink's disposal does it). Call once, after the data set
    /// is complete.
    /// </summary>
    public Task<T> OnDeviceAsync<T>(Func<Task<T>> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _device is null ? operation() : _device.FinishAsync(() => operation().GetAwaiter().GetResult());
    }

    /// <summary>Closes the file under its final name (fsync first when durable) and returns its location.</summary>
    public async Task<(string Location, IncomingInstance Instance)> CompleteInstanceAsync(bool durable, CancellationToken cancellationToken)
    {
        await WrittenAsync().ConfigureAwait(false);
        if (StorageFailure is { } failure)
        {
            throw new IOException($"Storing {sopInstanceUid} failed: {failure.Message}", failure);
        }

        var instance = _device is null ? _instance : _device.Instance;
        if (!IsComplete || instance is null)
        {
            throw new InvalidOperationException($"The data set of {sopInstanceUid} was not received completely.");
        }

        if (_endCheck?.Truncation is { } truncation)
        {
            throw new DicomFormatException($"The {truncation} (SOP Instance {sopInstanceUid}); nothing stored.");
        }

        var location = await instance.CompleteAsync(durable, cancellationToken).ConfigureAwait(false);
        return (location, instance);
    }

    public async ValueTask DisposeAsync()
    {
        _endCheck?.Dispose();
        await DisposeInstanceAsync().ConfigureAwait(false);
    }

    private async ValueTask DisposeInstanceAsync()
    {
        if (_device is not null)
        {
            await _device.DisposeAsync().ConfigureAwait(false);
        }
        else if (Interlocked.Exchange(ref _instance, null) is { } instance)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
    }

    // The file meta header goes first; for memory the instance begins here, for a device on its first block.
    private async ValueTask StartAsync(CancellationToken ct)
    {
        if (_started)
        {
            return;
        }

        _started = true;
        if (_device is null)
        {
            try
            {
                _instance = await storage.BeginAsync(sopInstanceUid, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                _failure = ex;
                return;
            }
        }

        var meta = DicomFile.CreateFileMetaInformation(sopClassUid, sopInstanceUid, DicomTransferSyntax.Lookup(transferSyntaxUid), sourceAe);
        using var header = new MemoryStream(256);
        await DicomFile.WriteHeaderAsync(header, meta, cancellationToken: ct).ConfigureAwait(false);
        await AppendAsync(header.GetBuffer().AsMemory(0, (int)header.Length), ct).ConfigureAwait(false);
    }

    private async ValueTask AppendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (_device is not null)
        {
            await _device.AppendAsync(data, ct).ConfigureAwait(false);
            return;
        }

        if (_failure is not null || _instance is null)
        {
            return;
        }

        try
        {
            await _instance.WriteAsync(data, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Keep the association: the handler answers Out of Resources once the message is complete.
            _failure = ex;
            await DisposeInstanceAsync().ConfigureAwait(false);
        }
    }
}
