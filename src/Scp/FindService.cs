using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>C-FIND SCP over the index: one pending response per match, then Success; Cancel (0xFE00) after a C-CANCEL-RQ.</summary>
internal sealed class FindService(SqliteInstanceIndex index)
{
    public async Task HandleAsync(DimseChannel channel, CFindRequest request, IncomingMessage message, CancellationToken cancelled)
    {
        var syntax = DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax);
        var responder = new FindResponder(channel, request, message.PresentationContextId);
        var reading = QueryRetrieveRequest.Read(request.AffectedSopClassUid, message.Data, syntax, DimseStatus.OutOfResources);
        if (reading.Failure is { } failure)
        {
            await responder.SendFinalAsync(failure.Status, failure.Comment, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        var query = reading.Request!;
        IReadOnlyList<IReadOnlyDictionary<uint, string>> rows;
        try
        {
            rows = await index.FindAsync(query.Model, query.Level, query.Keys, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or ArgumentException)
        {
            await responder.SendFinalAsync(DimseStatus.UnableToProcess, ex.Message, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        foreach (var row in rows)
        {
            if (cancelled.IsCancellationRequested)
            {
                break;
            }

            var identifier = QueryIdentifier.BuildResponse(query.Identifier, row, query.Level);
            await responder.SendMatchAsync(DicomDatasetWriter.ToArray(identifier, syntax), DimseStatus.Pending, CancellationToken.None).ConfigureAwait(false);
        }

        var final = cancelled.IsCancellationRequested ? DimseStatus.Cancel : DimseStatus.Success;
        await responder.SendFinalAsync(final, null, CancellationToken.None).ConfigureAwait(false);
    }
}
