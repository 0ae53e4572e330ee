using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>
/// C-MOVE and C-GET SCP: finds the instances, sends them as C-STORE sub-operations (to the move
/// destination on new associations, or back on the requesting association for C-GET), answers a
/// pending response with the counts after each sub-operation, and a final status with the Failed SOP
/// Instance UID List (0008,0058) when any failed.
/// </summary>
internal sealed class RetrieveService(SqliteInstanceIndex index, DicomServerOptions options)
{
    public async Task MoveAsync(DimseChannel channel, CMoveRequest request, IncomingMessage message, CancellationToken cancelled)
    {
        var destination = options.MoveDestinations.FirstOrDefault(d => string.Equals(d.AeTitle, request.MoveDestination, StringComparison.Ordinal));
        if (destination is null)
        {
            await SendFinalAsync(channel, request, message, new Counts(), DimseStatus.MoveDestinationUnknown, $"Unknown move destination {request.MoveDestination}")
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
        var sendOptions = new StoreSendOptions { MoveOriginatorAe = channel.Info.CallingAe, MoveOriginatorMessageId = request.MessageId, Priority = request.Priority };
        await RetrieveAsync(channel, request, message, (items, onOutcome) =>
            StoreAssociationSender.SendAsync(association, options.Connection, items, sendOptions, (i, outcome) => onOutcome(outcome), cancelled), cancelled)
            .ConfigureAwait(false);
    }

    public Task GetAsync(DimseChannel channel, CGetRequest request, IncomingMessage message, CancellationToken cancelled) =>
        RetrieveAsync(channel, request, message, (items, onOutcome) =>
            StoreSender.SendAsync(channel, items, new StoreSendOptions { AsScpOfGet = true, Priority = request.Priority }, (i, outcome) => onOutcome(outcome), cancelled), cancelled);

    internal static QueryRequest ReadQuery(string sopClassUid, IncomingMessage message, DicomTransferSyntax syntax)
    {
        var model = QuerySopClass.ModelOf(sopClassUid);
        if (model is null)
        {
            return QueryRequest.Failed(DimseStatus.SopClassNotSupported, $"{sopClassUid} is not a query/retrieve SOP class we serve");
        }

        DicomDataset identifier;
        try
        {
            var data = message.Data is MemoryDataSink sink ? sink.Data : ReadOnlyMemory<byte>.Empty;
            identifier = DicomDatasetReader.Read(data, syntax);
        }
        catch (DicomFormatException ex)
        {
            return QueryRequest.Failed(DimseStatus.CannotUnderstand, ex.Message);
        }

        var level = QueryIdentifier.ReadLevel(identifier);
        if (level is null || !model.Value.Supports(level.Value))
        {
            return QueryRequest.Failed(DimseStatus.IdentifierDoesNotMatchSopClass, $"Query/Retrieve Level missing or invalid for {model}");
        }

        return new QueryRequest(model.Value, level.Value, identifier, QueryIdentifier.ReadKeys(identifier), null);
    }

    internal static string? Truncate(string? text) => text is null || text.Length <= 64 ? text : text[..64];

    private async Task RetrieveAsync(
        DimseChannel channel, DimseRequest request, IncomingMessage message,
        Func<IReadOnlyList<StoreItem>, Func<StoreOutcome, ValueTask>, Task> send, CancellationToken cancelled)
    {
        var sopClass = request is CMoveRequest move ? move.AffectedSopClassUid : ((CGetRequest)request).AffectedSopClassUid;
        var query = ReadQuery(sopClass, message, DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax));
        if (query.Failure is { } failure)
        {
            await SendFinalAsync(channel, request, message, new Counts(), failure.Status, failure.Comment).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<StoredInstance> instances;
        try
        {
            instances = await index.FindInstancesAsync(query.Level, query.Keys, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            await SendFinalAsync(channel, request, message, new Counts(), DimseStatus.OutOfResourcesUnableToCalculateMatches, ex.Message).ConfigureAwait(false);
            return;
        }

        var counts = new Counts { Remaining = instances.Count };
        var items = instances
            .Select(i => (StoreItem)new StorageStoreItem(options.Storage, i.Location, i.SopClassUid, i.SopInstanceUid, i.TransferSyntaxUid))
            .ToList();
        try
        {
            await send(items, async outcome =>
            {
                counts.Record(outcome);
                await SendPendingAsync(channel, request, message, counts).ConfigureAwait(false);
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancelled.IsCancellationRequested)
        {
            await SendFinalAsync(channel, request, message, counts, DimseStatus.Cancel, null).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is DicomNetworkException or IOException or System.Net.Sockets.SocketException)
        {
            // The sub-association failed: what was not sent counts as failed.
            options.Log?.Invoke($"{request.CommandField} sub-operations failed: {ex.Message}");
            counts.FailRemaining(items);
            await SendFinalAsync(channel, request, message, counts, FinalStatus(counts), Truncate(ex.Message)).ConfigureAwait(false);
            return;
        }

        await SendFinalAsync(channel, request, message, counts, FinalStatus(counts), null).ConfigureAwait(false);
    }

    // PS3.4 C.4.2.1.5 / C.4.3.1.4: all failed -> A702; some failed or warned -> B000; else Success.
    private static DimseStatus FinalStatus(Counts counts) =>
        counts.Failed > 0 && counts.Completed == 0 && counts.Warning == 0 ? DimseStatus.OutOfResourcesUnableToPerformSubOperations
        : counts.Failed > 0 || counts.Warning > 0 ? DimseStatus.SubOperationsCompleteWithFailures
        : DimseStatus.Success;

    private static Task SendPendingAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, Counts counts) =>
        channel.SendAsync(message.PresentationContextId, Response(request, DimseStatus.Pending, null, counts, includeRemaining: true, hasIdentifier: false), null, CancellationToken.None);

    private static Task SendFinalAsync(DimseChannel channel, DimseRequest request, IncomingMessage message, Counts counts, DimseStatus status, string? comment)
    {
        byte[]? identifier = null;
        if (counts.FailedUids.Count > 0 && !status.IsSuccess)
        {
            var dataset = new DicomDataset();
            dataset.SetStrings(DicomTags.FailedSOPInstanceUIDList, DicomVR.UI, counts.FailedUids);
            identifier = DicomDatasetWriter.ToArray(dataset, DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax));
        }

        var response = Response(request, status, Truncate(comment), counts, includeRemaining: status.IsCancel, hasIdentifier: identifier is not null);
        return channel.SendAsync(message.PresentationContextId, response, identifier is null ? null : new MemoryMessageData(identifier), CancellationToken.None);
    }

    private static RetrieveResponse Response(DimseRequest request, DimseStatus status, string? comment, Counts counts, bool includeRemaining, bool hasIdentifier)
    {
        ushort? remaining = includeRemaining ? (ushort)Math.Min(counts.Remaining, ushort.MaxValue) : null;
        var completed = (ushort)Math.Min(counts.Completed, ushort.MaxValue);
        var failed = (ushort)Math.Min(counts.Failed, ushort.MaxValue);
        var warning = (ushort)Math.Min(counts.Warning, ushort.MaxValue);
        return request switch
        {
            CMoveRequest move => new CMoveResponse
            {
                MessageIdBeingRespondedTo = move.MessageId, AffectedSopClassUid = move.AffectedSopClassUid, Status = status, ErrorComment = status.IsFailure ? comment : null,
                Remaining = remaining, Completed = completed, Failed = failed, Warning = warning, HasIdentifier = hasIdentifier,
            },
            CGetRequest get => new CGetResponse
            {
                MessageIdBeingRespondedTo = get.MessageId, AffectedSopClassUid = get.AffectedSopClassUid, Status = status, ErrorComment = status.IsFailure ? comment : null,
                Remaining = remaining, Completed = completed, Failed = failed, Warning = warning, HasIdentifier = hasIdentifier,
            },
            _ => throw new ArgumentException($"{request.CommandField} is not a retrieve request.", nameof(request)),
        };
    }

    private sealed class Counts
    {
        private readonly HashSet<string> _done = new(StringComparer.Ordinal);

        public int Remaining { get; set; }

        public int Completed { get; private set; }

        public int Failed { get; private set; }

        public int Warning { get; private set; }

        public List<string> FailedUids { get; } = [];

        public void Record(StoreOutcome outcome)
        {
            _done.Add(outcome.SopInstanceUid);
            Remaining--;
            if (!outcome.Succeeded)
            {
                Failed++;
                FailedUids.Add(outcome.SopInstanceUid);
            }
            else if (outcome.Status.IsWarning)
            {
                Warning++;
            }
            else
            {
                Completed++;
            }
        }

        public void FailRemaining(IEnumerable<StoreItem> items)
        {
            foreach (var item in items.Where(i => !_done.Contains(i.SopInstanceUid)))
            {
                Record(new StoreOutcome(item.Description, item.SopClassUid, item.SopInstanceUid, DimseStatus.ProcessingFailure, null, false, TimeSpan.Zero, "not sent"));
            }
        }
    }
}

/// <summary>A parsed query/retrieve identifier, or why it could not be used.</summary>
internal sealed record QueryRequest(QueryModel Model, QueryLevel Level, DicomDataset? Identifier, IReadOnlyList<QueryKey> Keys, (DimseStatus Status, string Comment)? Failure)
{
    public static QueryRequest Failed(DimseStatus status, string comment) => new(default, default, null, [], (status, comment));
}
