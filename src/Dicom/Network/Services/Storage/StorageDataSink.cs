using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// Streams a received C-STORE data set into an <see cref="IInstanceStorage"/> as a Part 10 file: the
/// file meta header first, then each fragment as it arrives. Nothing becomes visible until
/// <see cref="CompleteInstanceAsync"/>; an abandoned transfer (abort mid-data) leaves nothing, and neither does a data
/// set that ends inside an element (<see cref="DatasetEndCheck"/>: completing it fails). With a
/// <paramref name="prefix"/> collector the data set's first elements are also kept in memory (for indexing).
/// </summary>
public sealed class StorageDataSink(
    IInstanceStorage storage, string sopClassUid, string sopInstanceUid, string transferSyntaxUid, string? sourceAe, DatasetPrefixCollector? prefix = null)
    : IMessageDataSink, IAsyncDisposable
{
    private readonly DatasetEndCheck? _endCheck = DicomTransferSyntax.TryLookup(transferSyntaxUid, out var syntax) ? new DatasetEndCheck(syntax) : null;
    private IncomingInstance? _instance;

    /// <summary>True once the last fragment arrived.</summary>
    public bool IsComplete { get; private set; }

    /// <summary>Why the transfer was abandoned, if it was.</summary>
    public Exception? AbandonReason { get; private set; }

    public string TransferSyntaxUid => transferSyntaxUid;

    public long DataLength { get; private set; }

    /// <summary>The data set's elements before the collector's stop tag, if one was given and could follow the structure.</summary>
    public ReadOnlyMemory<byte>? DatasetPrefix => prefix?.Prefix;

    /// <summary>A storage failure (disk full...) while receiving; the rest of the data set is read and dropped.</summary>
    public Exception? StorageFailure { get; private set; }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> fragment, CancellationToken ct)
    {
        DataLength += fragment.Length;
        prefix?.Append(fragment.Span);
        _endCheck?.Append(fragment.Span);
        if (StorageFailure is not null)
        {
            return;
        }

        try
        {
            var instance = await EnsureStartedAsync(ct).ConfigureAwait(false);
            await instance.WriteAsync(fragment, ct).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Keep the association: the handler answers Out of Resources once the message is complete.
            StorageFailure = ex;
            await DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        prefix?.End();
        if (StorageFailure is null)
        {
            try
            {
                await EnsureStartedAsync(ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                StorageFailure = ex;
            }
        }

        IsComplete = true;
    }

    public async ValueTask AbandonAsync(Exception reason)
    {
        AbandonReason = reason;
        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Closes the file under its final name (fsync first when durable) and returns its location.</summary>
    public async Task<(string Location, IncomingInstance Instance)> CompleteInstanceAsync(bool durable, CancellationToken cancellationToken)
    {
        if (StorageFailure is not null)
        {
            throw new IOException($"Storing {sopInstanceUid} failed: {StorageFailure.Message}", StorageFailure);
        }

        if (!IsComplete || _instance is null)
        {
            throw new InvalidOperationException($"The data set of {sopInstanceUid} was not received completely.");
        }

        if (_endCheck?.Truncation is { } truncation)
        {
            throw new DicomFormatException($"The {truncation} (SOP Instance {sopInstanceUid}); nothing stored.");
        }

        var location = await _instance.CompleteAsync(durable, cancellationToken).ConfigureAwait(false);
        return (location, _instance);
    }

    public async ValueTask DisposeAsync()
    {
        var instance = Interlocked.Exchange(ref _instance, null);
        if (instance is not null)
        {
            await instance.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async ValueTask<IncomingInstance> EnsureStartedAsync(CancellationToken ct)
    {
        if (_instance is null)
        {
            _instance = await storage.BeginAsync(sopInstanceUid, ct).ConfigureAwait(false);
            var meta = DicomFile.CreateFileMetaInformation(sopClassUid, sopInstanceUid, DicomTransferSyntax.Lookup(transferSyntaxUid), sourceAe);
            using var header = new MemoryStream(256);
            await DicomFile.WriteHeaderAsync(header, meta, cancellationToken: ct).ConfigureAwait(false);
            await _instance.WriteAsync(header.GetBuffer().AsMemory(0, (int)header.Length), ct).ConfigureAwait(false);
        }

        return _instance;
    }
}
