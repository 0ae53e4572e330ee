using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Query;
using Conformance.Scp.Index;

namespace Conformance.Scp;

/// <summary>C-FIND SCP over the index: one pending response per match (FF00, or FF01 when a key could not be matched on), then Success; Cancel (FE00) after a C-CANCEL-RQ.</summary>
internal sealed class FindService(SqliteInstanceIndex index)
{
    public async Task HandleAsync(DimseChannel channel, CFindRequest request, IncomingMessage message, CancellationToken cancelled)
    {
        var syntax = DicomTransferSyntax.Lookup(message.PresentationContext.TransferSyntax);
        var responder = new FindResponder(channel, request, message.PresentationContextId);
        var reading = QueryRetrieveRequest.Read(request.AffectedSopClassUid, message.Data, syntax, DimseStatus.OutOfResources);
        if (reading.Failure is { } failure)
        {
            failure.Log(channel, request);
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

        var pending = MatchesEveryKey(query) ? DimseStatus.Pending : DimseStatus.PendingWithOptionalKeysUnsupported;
        foreach (var row in rows)
        {
            if (cancelled.IsCancellationRequested)
            {
                break;
            }

            var identifier = QueryIdentifier.BuildResponse(query.Identifier, row, query.Level);
            await responder.SendMatchAsync(DicomDatasetWriter.ToArray(identifier, syntax), pending, CancellationToken.None).ConfigureAwait(false);
        }

        var final = cancelled.IsCancellationRequested ? DimseStatus.Cancel : DimseStatus.Success;
        await responder.SendFinalAsync(final, null, CancellationToken.None).ConfigureAwait(false);
    }

    // PS3.4 C.4.1.1.4: FF01 when an optional key was not supported for matching: a non-empty key the index does not
    // hold (or holds only below the query level), or one that is no text (a sequence, a binary value).
    private static bool MatchesEveryKey(QueryRetrieveRequest query) =>
        query.Identifier.All(element =>
            element.Tag == DicomTags.SpecificCharacterSet || element.Tag == DicomTags.QueryRetrieveLevel || IsEmpty(element)
            || (element is DicomValueElement { VR.IsString: true } && QueryAttributes.Find(element.Tag.Value) is { } attribute && attribute.Level <= query.Level));

    private static bool IsEmpty(DicomElement element) => element switch
    {
        DicomSequence sequence => sequence.Items.Count == 0 || sequence.Items.All(i => i.Count == 0),
        DicomValueElement value => value.Length == 0 || (value.VR.IsString && value.GetString().Trim(' ', '\0').Length == 0),
        _ => false,
    };
}
