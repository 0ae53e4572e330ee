using Conformance.Dicom.IO;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>
/// C-MOVE and C-GET SCP over the index and the storage area: finds the instances and sends them as C-STORE
/// sub-operations (to the move destination on associations of their own, or back on the requesting association for
/// C-GET), with a pending response after each sub-operation and a final status (<see cref="RetrieveResponder"/>).
/// </summary>
internal sealed class RetrieveService(SqliteInstanceIndex index, DicomServerOptions options)
{
    public async Task MoveAsync(DimseChannel channel, CMoveRequest request, IncomingMessage message, CancellationToken cancelled)
    {
        var destination = options.MoveDestinations.FirstOrDefault(d => string.Equals(d.AeTitle, request.MoveDestination, StringComparison.Ordinal));
        if (destination is null)
        {
            await Responder(channel, request, message)
                .SendFinalAsync(DimseStatus.MoveDestinationUnknown, $"Unknown move destination {request.MoveDestination}", null, CancellationToken.None)
                .ConfigureAwait(false);
            return;
        }

        // The sub-operations' association: our AE calls the destination, proposing the window our SCU proposes.
        var association = new AssociationRequest
        {
            Host = destination.Host,
            Port = destination.Port,
            CalledAe = destination.AeTitle,
            CallingAe = options.AeTitle,
            PresentationContexts = [],
            MaxPduLength = options.MaxPduLength,
            AsyncOperations = StoreAssociationSender.DefaultAsyncOperations,
        };
        var subOperationConnection = options.Connection with { RefusedConnectRetryDelays = options.MoveDestinationRetryDelays };
        var sendOptions = new StoreSendOptions { MoveOriginatorAe = channel.Info.CallingAe, MoveOriginatorMessageId = request.MessageId, Priority = request.Priority };
        await RetrieveAsync(channel, request, request.AffectedSopClassUid, message, (items, onOutcome) =>
            StoreAssociationSender.SendAsync(association, subOperationConnection, items, sendOptions, (_, outcome) => onOutcome(outcome), cancelled), cancelled)
            .ConfigureAwait(false);
    }

    public Task GetAsync(DimseChannel channel, CGetRequest request, IncomingMessage message, CancellationToken cancelled) =>
        RetrieveAsync(channel, request, request.AffectedSopClassUid, message, (items, onOutcome) =>
            StoreSender.SendAsync(channel, items, new StoreSendOptions { AsScpOfGet = true, Priority = request.Priority }, (_, outcome) => onOutcome(outcome), cancelled),
            cancelled);

    private static RetrieveResponder Responder(DimseChannel channel, DimseRequest request, IncomingMessage message) =>
        new(channel, request, message.PresentationContextId, DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax));

    private async Task RetrieveAsync(
        DimseChannel channel, DimseRequest request, string sopClassUid, IncomingMessage message,
        Func<IReadOnlyList<StoreItem>, Func<StoreOutcome, ValueTask>, Task> send, CancellationToken cancelled)
    {
        var responder = Responder(channel, request, message);
        var reading = QueryRetrieveRequest.Read(
            sopClassUid, message.Data, DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax), DimseStatus.OutOfResourcesUnableToCalculateMatches);
        if (reading.Failure is { } failure)
        {
            failure.Log(channel, request);
            await responder.SendFinalAsync(failure.Status, failure.Comment, null, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var query = reading.Request!;
        IReadOnlyList<StoredInstance> instances;
        try
        {
            instances = await index.FindInstancesAsync(query.Level, query.Keys, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            await responder.SendFinalAsync(DimseStatus.OutOfResourcesUnableToCalculateMatches, ex.Message, null, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var counts = new RetrieveSubOperations(instances.Count);
        var items = instances
            .Select(i => (StoreItem)new InstanceStorageItem(options.Storage, i.Location, i.SopClassUid, i.SopInstanceUid, i.TransferSyntaxUid))
            .ToList();
        try
        {
            await send(items, async outcome =>
            {
                counts.Record(outcome);
                if (!outcome.Succeeded)
                {
                    // An administrator must see which object did not go out and why; the final response only counts them.
                    options.Log?.Invoke($"{(request is CMoveRequest ? "C-MOVE" : "C-GET")} sub-operation for {channel.Info.CallingAe}: {outcome.SopInstanceUid} failed, "
                        + $"{(outcome.Sent ? $"status {outcome.Status}" : "not sent")}: {outcome.Error ?? "the receiver answered a failure status"}");
                }

                await responder.SendPendingAsync(counts, CancellationToken.None).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            await responder.SendFinalAsync(DimseStatus.Cancel, null, counts, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or System.Net.Sockets.SocketException)
        {
            // The sub-association failed: what was not sent counts as failed.
            options.Log?.Invoke($"{request.CommandField} sub-operations failed: {ex.Message}");
            counts.FailRemaining(items);
            await responder.SendFinalAsync(counts.FinalStatus, ex.Message, counts, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await responder.SendFinalAsync(counts.FinalStatus, null, counts, CancellationToken.None).ConfigureAwait(false);
    }
}
