using System.Diagnostics;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Network.Services.Storage;
using Conformance.Dicom.Query;

namespace Conformance.Dicom.Network.Services.Scu;

public sealed partial class DicomScu
{
    /// <summary>C-MOVE to <paramref name="destinationAe"/>; progress reports each pending response's counts.</summary>
    public async Task<RetrieveResult> MoveAsync(
        QueryModel model, QueryLevel level, DicomDataset identifier, string destinationAe,
        IProgress<RetrieveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentException.ThrowIfNullOrEmpty(destinationAe);
        var sopClass = QuerySopClass.Move(model);
        return await RetrieveAsync(
            [new PresentationContextProposal(sopClass, LittleEndian)], null, sopClass,
            id => new CMoveRequest { MessageId = id, AffectedSopClassUid = sopClass, MoveDestination = destinationAe, Priority = Options.Priority },
            level, identifier, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// C-GET: the instances come back as C-STORE sub-operations on the same association and go into
    /// <paramref name="storage"/>. We propose the storage SOP classes with the SCP role (PS3.4 C.4.3).
    /// </summary>
    public async Task<RetrieveResult> GetAsync(
        QueryModel model, QueryLevel level, DicomDataset identifier, IInstanceStorage storage,
        IReadOnlyList<string>? storageSopClasses = null, IProgress<RetrieveProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(storage);
        var sopClass = QuerySopClass.Get(model);
        var classes = (storageSopClasses ?? StorageSopClasses.Common).Take(AssociationRequest.MaxPresentationContexts - 1);
        List<PresentationContextProposal> proposals =
        [
            new(sopClass, LittleEndian),
            .. classes.Select(c => new PresentationContextProposal(c, LittleEndian, new RoleSelection(Scu: false, Scp: true))),
        ];
        var received = new List<string>();
        var handler = new StoreRequestHandler(storage, durable: false)
        {
            Stored = instance =>
            {
                lock (received)
                {
                    received.Add(instance.Location);
                }
            },
        };
        var result = await RetrieveAsync(
            proposals, handler, sopClass,
            id => new CGetRequest { MessageId = id, AffectedSopClassUid = sopClass, Priority = Options.Priority },
            level, identifier, progress, cancellationToken).ConfigureAwait(false);
        return result with { ReceivedLocations = received };
    }

    private async Task<RetrieveResult> RetrieveAsync(
        IReadOnlyList<PresentationContextProposal> proposals, IDimseRequestHandler? handler, string sopClass,
        Func<ushort, DimseRequest> createRequest, QueryLevel level, DicomDataset identifier,
        IProgress<RetrieveProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var association = await ConnectAsync(proposals, false, cancellationToken).ConfigureAwait(false);
        await using (association.ConfigureAwait(false))
        {
            var context = RequireAccepted(association, sopClass);
            using var channel = new DimseChannel(association, handler);
            var data = EncodeIdentifier(identifier, level, context.TransferSyntax);
            var pending = await channel.SendRequestAsync(context.Id, createRequest(channel.NextMessageId()), new MemoryMessageData(data), cancellationToken)
                .ConfigureAwait(false);
            var pendingResponses = 0;
            DimseReply? final = null;
            while (await pending.NextAsync(cancellationToken).ConfigureAwait(false) is { } reply)
            {
                var counts = (RetrieveResponse)reply.Response;
                if (reply.IsFinal)
                {
                    final = reply;
                    break;
                }

                pendingResponses++;
                progress?.Report(new RetrieveProgress(counts.Remaining ?? 0, counts.Completed ?? 0, counts.Failed ?? 0, counts.Warning ?? 0));
            }

            await association.ReleaseAsync(cancellationToken).ConfigureAwait(false);
            var response = (RetrieveResponse)final!.Response;
            var failedUids = FailedSopInstanceUidList.Decode(final.Data, DicomTransferSyntax.Lookup(final.Context.TransferSyntax));
            var stats = OperationStatistics.Empty.Add(association) with { Elapsed = Stopwatch.GetElapsedTime(started) };
            return new RetrieveResult(response.Status, response.ErrorComment, response.Completed ?? 0, response.Failed ?? 0, response.Warning ?? 0,
                failedUids, pendingResponses, pending.Elapsed, stats);
        }
    }
}
