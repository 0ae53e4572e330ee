using System.Runtime.CompilerServices;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;

namespace Conformance.Dicom.Network.Services.Storage;

/// <summary>
/// The storage SCP role: streams each C-STORE data set into an <see cref="IInstanceStorage"/>, then completes the
/// instance (fsync when durable), runs <see cref="AfterStore"/> (the SCP commits its index row there and may answer a
/// warning), commits the instance and only then answers. A failure at any step reverts the instance (an earlier one of
/// the same UID comes back) and answers a failure status; an abandoned transfer leaves nothing and gets no answer. For
/// storage that writes to a device, completing, <see cref="AfterStore"/> and commit or revert run as one step on a
/// device thread once the instance's blocks are written, so neither fsync nor the index holds a thread-pool thread the
/// associations' readers need; each association's unwritten data is bounded by its own <see cref="WriteBudget"/>, and all
/// associations' together by one shared budget of <see cref="WriteBudget.ServerBlocks"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification =
    "The budgets' semaphores are only awaited (WaitAsync), so they never create a wait handle: nothing to release, as for the per-association budgets.")]
public class StoreRequestHandler(IInstanceStorage storage, bool durable) : IDimseRequestHandler
{
    private readonly ConditionalWeakTable<DimseChannel, WriteBudget> _budgets = [];
    private readonly WriteBudget _serverBudget = new(WriteBudget.ServerBlocks);

    public IInstanceStorage Storage => storage;

    /// <summary>When set, each data set's top-level elements before this tag are kept in memory as they arrive
    /// (<see cref="ReceivedInstance.DatasetPrefix"/>), so <see cref="AfterStore"/> need not read the file back.</summary>
    public uint? KeepDatasetPrefixBefore { get; init; }

    /// <summary>Runs after the instance is complete and before the response; its status is the answer (Success or a
    /// warning). Throwing fails the store and reverts the instance.</summary>
    public Func<ReceivedInstance, CancellationToken, Task<StoreStatus>>? AfterStore { get; init; }

    /// <summary>Called with every instance that was stored and acknowledged with Success or a warning.</summary>
    public Action<ReceivedInstance>? Stored { get; init; }

    /// <summary>Stored files name the sending peer as their Source Application Entity Title (0002,0016), as storescp does.</summary>
    public virtual IMessageDataSink ChooseSink(DimseChannel channel, DimseRequest request, IncomingCommand command)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(command);
        if (request is not CStoreRequest store)
        {
            // Refused without reading it (see HandleAsync): nothing to keep.
            return DiscardDataSink.Instance;
        }

        var syntaxUid = command.PresentationContext.TransferSyntax;
        var prefix = KeepDatasetPrefixBefore is { } stop && DicomTransferSyntax.TryLookup(syntaxUid, out var syntax)
            ? new DatasetPrefixCollector(syntax, stop)
            : null;
        var budget = storage.WritesToDevice ? _budgets.GetValue(channel, _ => new WriteBudget(WriteBudget.DefaultBlocks, _serverBudget)) : null;
        return new StorageDataSink(storage, store.AffectedSopClassUid, store.AffectedSopInstanceUid, syntaxUid, channel.Info.PeerAe, prefix, budget);
    }

    public virtual async Task HandleAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(message);
        if (request is not CStoreRequest store)
        {
            await RefusingRequestHandler.Instance.HandleAsync(channel, request, message, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (message.Data is not StorageDataSink sink)
        {
            // PS3.7 9.3.1.1: the data set is mandatory; its Command Data Set Type said there is none.
            const string reason = "C-STORE-RQ without a data set";
            channel.Log?.Invoke($"C-STORE of {store.AffectedSopInstanceUid} from {channel.Info.PeerAe} refused: {reason}");
            await channel.SendAsync(message.PresentationContextId, DimseResponses.For(store, DimseStatus.CannotUnderstand, reason), null, cancellationToken).ConfigureAwait(false);
            return;
        }

        var status = await StoreAsync(channel, store, sink, message, cancellationToken).ConfigureAwait(false);
        await channel.SendAsync(message.PresentationContextId, status.ResponseTo(store), null, cancellationToken).ConfigureAwait(false);
    }

    private async Task<StoreStatus> StoreAsync(
        DimseChannel channel, CStoreRequest store, StorageDataSink sink, IncomingMessage message, CancellationToken cancellationToken)
    {
        await using (sink.ConfigureAwait(false))
        {
            // A continuation of the last block's write, never a device step waiting for work queued behind it.
            return await sink.OnDeviceAsync(() => CompleteStoreAsync(channel, store, sink, message, cancellationToken)).ConfigureAwait(false);
        }
    }

    private async Task<StoreStatus> CompleteStoreAsync(
        DimseChannel channel, CStoreRequest store, StorageDataSink sink, IncomingMessage message, CancellationToken cancellationToken)
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
            var status = AfterStore is null ? StoreStatus.Success : await AfterStore(received, cancellationToken).ConfigureAwait(false);
            instance.Commit();
            received.StoredTimestamp = System.Diagnostics.Stopwatch.GetTimestamp();
            Stored?.Invoke(received);
            return status;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Revert(channel, instance);
            channel.Log?.Invoke($"C-STORE of {store.AffectedSopInstanceUid} from {channel.Info.PeerAe} failed: {ex.Message}");
            return new StoreStatus(ex is IOException ? DimseStatus.OutOfResources : DimseStatus.CannotUnderstand, ex.Message);
        }
    }

    private static void Revert(DimseChannel channel, IncomingInstance? instance)
    {
        try
        {
            instance?.Revert();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            channel.Log?.Invoke($"Reverting a failed store failed too: {ex.Message}");
        }
    }
}
