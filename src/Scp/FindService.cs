using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>C-FIND SCP: one pending response per match, then Success; Cancel (0xFE00) after a C-CANCEL-RQ.</summary>
internal sealed class FindService(SqliteInstanceIndex index)
{
    public async Task HandleAsync(DimseChannel channel, CFindRequest request, IncomingMessage message, CancellationToken cancelled)
    {
        var syntax = DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax);
        var query = RetrieveService.ReadQuery(request.AffectedSopClassUid, message, syntax);
        if (query.Failure is { } failure)
        {
            await Respond(channel, message, request, failure.Status, failure.Comment, null).ConfigureAwait(false);
            return;
        }

        IReadOnlyList<IReadOnlyDictionary<uint, string>> rows;
        try
        {
            rows = await index.FindAsync(query.Model, query.Level, query.Keys, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ArgumentException)
        {
            await Respond(channel, message, request, DimseStatus.UnableToProcess, ex.Message, null).ConfigureAwait(false);
            return;
        }

        foreach (var row in rows)
        {
            if (cancelled.IsCancellationRequested)
            {
                await Respond(channel, message, request, DimseStatus.Cancel, null, null).ConfigureAwait(false);
                return;
            }

            var identifier = QueryIdentifier.BuildResponse(query.Identifier!, row, query.Level);
            await Respond(channel, message, request, DimseStatus.Pending, null, DicomDatasetWriter.ToArray(identifier, syntax)).ConfigureAwait(false);
        }

        var final = cancelled.IsCancellationRequested ? DimseStatus.Cancel : DimseStatus.Success;
        await Respond(channel, message, request, final, null, null).ConfigureAwait(false);
    }

    private static Task Respond(DimseChannel channel, IncomingMessage message, CFindRequest request, DimseStatus status, string? comment, byte[]? identifier)
    {
        var response = new CFindResponse
        {
            MessageIdBeingRespondedTo = request.MessageId,
            AffectedSopClassUid = request.AffectedSopClassUid,
            Status = status,
            ErrorComment = status.IsFailure ? RetrieveService.Truncate(comment) : null,
            HasIdentifier = identifier is not null,
        };
        return channel.SendAsync(message.PresentationContextId, response, identifier is null ? null : new MemoryMessageData(identifier), CancellationToken.None);
    }
}
