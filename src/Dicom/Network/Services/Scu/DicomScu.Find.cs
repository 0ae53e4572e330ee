using System.Diagnostics;
using System.Runtime.CompilerServices;
using Conformance.Dicom.Data;
using Conformance.Dicom.IO;
using Conformance.Dicom.Network.Association.Negotiation;
using Conformance.Dicom.Network.Dimse;
using Conformance.Dicom.Network.Services.QueryRetrieve;
using Conformance.Dicom.Query;

namespace Conformance.Dicom.Network.Services.Scu;

public sealed partial class DicomScu
{
    /// <summary>Starts a C-FIND; the identifier gets Query/Retrieve Level set from <paramref name="level"/>.</summary>
    public async Task<DicomFindQuery> StartFindAsync(QueryModel model, QueryLevel level, DicomDataset identifier, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var sopClass = QuerySopClass.Find(model);
        var association = await ConnectAsync([new PresentationContextProposal(sopClass, LittleEndian)], false, cancellationToken).ConfigureAwait(false);
        try
        {
            var context = RequireAccepted(association, sopClass);
            var channel = new DimseChannel(association);
            var data = EncodeIdentifier(identifier, level, context.TransferSyntax);
            var request = new CFindRequest { MessageId = channel.NextMessageId(), AffectedSopClassUid = sopClass, Priority = Options.Priority };
            var pending = await channel.SendRequestAsync(context.Id, request, new Association.MemoryMessageData(data), cancellationToken).ConfigureAwait(false);
            return new DicomFindQuery(association, channel, pending);
        }
        catch
        {
            await association.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The matches as an async stream; leaving the loop early cancels the query (C-CANCEL).</summary>
    public async IAsyncEnumerable<DicomDataset> FindAsync(
        QueryModel model, QueryLevel level, DicomDataset identifier, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var query = await StartFindAsync(model, level, identifier, cancellationToken).ConfigureAwait(false);
        await using (query.ConfigureAwait(false))
        {
            await foreach (var match in query.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return match;
            }

            ThrowOnFailure(query.FinalStatus, query.ErrorComment, "C-FIND");
        }
    }

    /// <summary>Collects every match and the final status (a failure status is returned, not thrown).</summary>
    public async Task<FindResult> FindAllAsync(QueryModel model, QueryLevel level, DicomDataset identifier, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var matches = new List<DicomDataset>();
        var query = await StartFindAsync(model, level, identifier, cancellationToken).ConfigureAwait(false);
        await using (query.ConfigureAwait(false))
        {
            await foreach (var match in query.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                matches.Add(match);
            }
        }

        return new FindResult(matches, query.FinalStatus ?? DimseStatus.ProcessingFailure, query.ErrorComment, query.Elapsed,
            query.Statistics with { Elapsed = Stopwatch.GetElapsedTime(started) });
    }

    internal static byte[] EncodeIdentifier(DicomDataset identifier, QueryLevel level, string transferSyntax)
    {
        var copy = identifier.Clone();
        copy.SetString(DicomTags.QueryRetrieveLevel, level.ToDicom());
        return DicomDatasetWriter.ToArray(copy, DicomTransferSyntax.Lookup(transferSyntax));
    }

    private static void ThrowOnFailure(DimseStatus? status, string? comment, string operation)
    {
        if (status is not { } s || s.IsFailure)
        {
            throw new DimseStatusException(operation, status ?? DimseStatus.ProcessingFailure, comment);
        }
    }
}
