using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The storage SCP role: streams each C-STORE data set into an <see cref="IInstanceStorage"/>, then
/// completes the file (fsync when durable), runs <see cref="AfterStore"/> (the SCP commits its index
/// row there) and only then answers Success. A failure at any step removes the file and answers a
/// failure status; an abandoned transfer leaves nothing and gets no answer (there is no association).
/// </summary>
public class StoreRequestHandler(IInstanceStorage storage, bool durable) : IDimseRequestHandler
{
    public IInstanceStorage Storage => storage;

    /// <summary>When set, each data set's top-level elements before this tag are kept in memory as they arrive
    /// (<see cref="ReceivedInstance.DatasetPrefix"/>), so <see cref="AfterStore"/> need not read the file back.</summary>
    public uint? KeepDatasetPrefixBefore { get; init; }

    /// <summary>Runs after the file is complete and before the response; throwing fails the store and removes the file.</summary>
    public Func<ReceivedInstance, CancellationToken, Task>? AfterStore { get; init; }

    /// <summary>Called with every instance that was stored and acknowledged with Success.</summary>
    public Action<ReceivedInstance>? Stored { get; init; }

    /// <summary>Stored files name the sending peer as their Source Application Entity Title (0002,0016), as storescp does.</summary>
    public virtual IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(command);
        if (request is not CStoreRequest store)
        {
            return new MemoryDataSink();
        }

        var syntaxUid = command.PresentationContext.TransferSyntax;
        var prefix = KeepDatasetPrefixBefore is { } stop && DicomTransferSyntax.TryLookup(syntaxUid, out var syntax)
            ? new DatasetPrefixCollector(syntax, stop)
            : null;
        return new StorageDataSink(storage, store.AffectedSopClassUid, store.AffectedSopInstanceUid, syntaxUid, channel.Info.PeerAe, prefix);
    }

    public virtual async Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        if (request is not CStoreRequest store || message.Data is not StorageDataSink sink)
        {
            await RefusingRequestHandler.Instance.HandleAsync(channel, request, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var status = await StoreAsync(channel, store, sink, message, cancellationToken).ConfigureAwait(false);
        var response = DimseResponses.For(store, status.Status, status.Comment);
        await channel.SendAsync(message.PresentationContextId, response, null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(DimseStatus Status, string? Comment)> StoreAsync(
        DimseChannel channel, CStoreRequest store, StorageDataSink sink, IncomingMessage message, CancellationToken cancellationToken)
    {
        await using (sink.ConfigureAwait(false))
        {
            IncomingInstance? instance = null;
            try
            {
                var (location, completed) = await sink.CompleteInstanceAsync(durable, cancellationToken).ConfigureAwait(false);
                instance = completed;
                var received = new ReceivedInstance(store, location, sink.TransferSyntaxUid, sink.DataLength, channel.Info.CallingAe)
                {
                    FirstFragmentTimestamp = message.FirstFragmentTimestamp,
                    CompletedTimestamp = message.CompletedTimestamp,
                    DatasetPrefix = sink.DatasetPrefix,
                };
                if (AfterStore is not null)
                {
                    await AfterStore(received, cancellationToken).ConfigureAwait(false);
                }

                received.StoredTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
                Stored?.Invoke(received);
                return (DimseStatus.Success, null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                instance?.Revert();
                channel.Log?.Invoke($"C-STORE of {store.AffectedSopInstanceUid} from {channel.Info.PeerAe} failed: {ex.Message}");
                return (ex is IOException ? DimseStatus.OutOfResources : DimseStatus.CannotUnderstand, Truncate(ex.Message));
            }
        }
    }

    // Error Comment is LO: at most 64 characters.
    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64];
}
